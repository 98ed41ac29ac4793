import CEvidentSystem
import EvidentCore
import Foundation

/// The checks that keep a build from replacing anything evident did not make: the output folder is replaced only
/// when it is absent, empty, marked by a previous build (`OutputMarker`) or an older evident's build
/// (`LegacyOutput`); never when it holds or lies inside the site's sources, is a file, or is a mount point.
/// A symbolic link is followed: the folder it points to is what the rules apply to, and what is replaced.
struct OutputGuard {
    /// The output as given (`--output`, or the site's `package/`), which messages name.
    private let given: String
    /// The same with symbolic links resolved.
    private let path: String

    /// The folder to replace: `output` with symbolic links resolved, once it is safe to replace it.
    ///
    /// - Throws: `EvidentError` (`.input`, at the output) naming the folder and the flag to change, before anything
    ///   is written or deleted.
    static func check(_ output: URL, siteFolder: URL, assets: Set<String>) throws -> URL {
        let given = output.standardizedFileURL.path
        let guarded = OutputGuard(given: given, path: ResolvedPath.of(given))
        try guarded.checkLink()
        try guarded.checkOverlap(siteFolder: siteFolder)
        try guarded.checkFolder(assets: assets)
        return URL(fileURLWithPath: guarded.path, isDirectory: true)
    }

    /// A symbolic link must lead to a folder, or the build would replace the link itself.
    private func checkLink() throws {
        var status = stat()
        guard lstat(given, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK, stat(given, &status) != 0 else {
            return
        }
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: given)) ?? "?"
        throw refuse(.danglingLink(target: target))
    }

    /// The output may not be, hold or lie inside `content/` or `templates/`, nor be or hold the site folder.
    private func checkOverlap(siteFolder: URL) throws {
        let site = ResolvedPath.of(siteFolder.standardizedFileURL.path)
        if ResolvedPath.isWithin(site, path) { throw refuse(.overlaps(path == site ? .isSite : .holdsSite)) }
        for name in ["content", "templates"] {
            let sources = ResolvedPath.of(site + "/" + name)
            if ResolvedPath.isWithin(path, sources) {
                throw refuse(.overlaps(path == sources ? .isSources(name) : .insideSources(name)))
            }
            if ResolvedPath.isWithin(sources, path) { throw refuse(.overlaps(.holdsSources(name))) }
        }
    }

    /// An existing output must be a folder that evident made (or an empty one), and not a mount point.
    private func checkFolder(assets: Set<String>) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw refuse(.isAFile)
        }
        if evident_is_mount_root(path) == 1 {
            throw refuse(.mountPoint(given: given))
        }
        if lstat(path + "/" + OutputMarker.name, &status) == 0 { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard !entries.isEmpty else { return }
        let legacy = LegacyOutput.check(path, assets: assets)
        guard !legacy.isPreviousBuild else { return }
        throw refuse(.notMadeByEvident(marker: OutputMarker.name, foreign: legacy.foreign, entries: entries))
    }

    private func refuse(_ failure: OutputFailure) -> EvidentError {
        EvidentError(failure, at: SourceLocation(file: given))
    }
}
