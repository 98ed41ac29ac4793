import EvidentCore
import Foundation

/// An output folder built by an evident older than `OutputMarker`: such a `package/` has no marker, yet it must keep
/// building. It is recognized by its `feed.xml`, which names evident as its generator, and accepted only when every
/// file in it is one such a build writes (its pages, feed, sitemap, evidence files and the theme's assets), so a
/// folder with anything else in it is refused like any other.
enum LegacyOutput {
    /// The files at the top of every build.
    private static let siteFiles: Set<String> = ["index.html", "404.html", "feed.xml", "sitemap.xml"]

    /// Whether `folder` holds a previous evident build and nothing else; `assets` are the theme's files by path.
    /// The first file that a build does not write, when the folder is otherwise such a build.
    static func check(_ folder: String, assets: Set<String>) -> (isPreviousBuild: Bool, foreign: String?) {
        guard let feed = FileManager.default.contents(atPath: folder + "/feed.xml"),
            String(decoding: feed.prefix(4096), as: UTF8.self).contains("<generator>evident</generator>"),
            let enumerator = FileManager.default.enumerator(atPath: folder)
        else { return (false, nil) }
        for case let path as String in enumerator {
            var status = stat()
            guard lstat(folder + "/" + path, &status) == 0 else { return (false, path) }
            let type = status.st_mode & S_IFMT
            if type == S_IFDIR { continue }
            guard type == S_IFREG, isWritten(path, assets: assets) else { return (false, path) }
        }
        return (true, nil)
    }

    /// A file a build writes: a site file, a theme asset, or an essay's page or evidence file (`<slug>/<name>`).
    private static func isWritten(_ path: String, assets: Set<String>) -> Bool {
        if siteFiles.contains(path) || assets.contains(path) { return true }
        let parts = path.split(separator: "/")
        guard parts.count == 2, !parts[0].hasPrefix("."), !parts[1].hasPrefix(".") else { return false }
        return parts[1] == "index.html" || parts[1].hasSuffix(".json") || parts[1].hasSuffix(".csv")
    }
}
