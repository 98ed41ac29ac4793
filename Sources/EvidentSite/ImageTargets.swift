import EvidentCore
import Foundation

/// A Markdown image (`![a figure](fig.svg)`) must show a file the site publishes: one of the page bundles or the
/// theme's assets. One that does not is an error at its line before anything is measured, since a reader would see
/// a broken image. Images on other hosts (`https:`, `//`, `data:`) and absolute paths are left to the author.
enum ImageTargets {
    /// Checks every image of `parsed` against `published`, the output paths the build writes files at.
    static func check(_ parsed: ParsedEssay, published: Set<String>) throws {
        let slug = parsed.source.slug
        for node in parsed.document.nodes {
            guard case .image(let url, _) = node.kind, let path = localPath(url) else { continue }
            let location = parsed.location(bodyLine: node.range.startLine)
            guard let target = ContainedFile.normalized("\(slug)/\(path)"), !target.isEmpty else {
                throw EvidentError(
                    .input, at: location, "the image `\(url)` leads outside the site",
                    fix: "put the file beside index.md and write its name, like `![a figure](figure.svg)`")
            }
            guard !published.contains(target) else { continue }
            let inFolder = target.hasPrefix(slug + "/") ? String(target.dropFirst(slug.count + 1)) : nil
            if let inFolder, ContainedFile.problem(inFolder, in: parsed.source.folder) == nil {
                throw EvidentError(
                    .input, at: location, "the image `\(url)` is in the essay folder but not published with the page",
                    fix: "move it out of experiments/ or evidence/ (and give it another extension than .md), "
                        + "beside index.md")
            }
            throw EvidentError(
                .input, at: location,
                "the image `\(url)` does not exist: there is no \(inFolder.map { "content/\(slug)/\($0)" } ?? target)",
                fix: "add the file beside index.md, or correct the path")
        }
    }

    /// The path of an image on this site relative to the page, without query or fragment and percent-decoded; nil
    /// for an image elsewhere (a scheme, `//host`, an absolute path) or none.
    private static func localPath(_ url: String) -> String? {
        let path = String(url.prefix { $0 != "?" && $0 != "#" })
        guard !path.isEmpty, !path.hasPrefix("/") else { return nil }
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return nil }
        return path.removingPercentEncoding ?? path
    }
}
