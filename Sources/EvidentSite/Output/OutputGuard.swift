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
        throw refuse(
            "the output is a symbolic link to a missing folder (\(target))",
            fix: "create that folder, remove the link, or choose another folder with --output")
    }

    /// The output may not be, hold or lie inside `content/` or `templates/`, nor be or hold the site folder.
    private func checkOverlap(siteFolder: URL) throws {
        let site = ResolvedPath.of(siteFolder.standardizedFileURL.path)
        let fix =
            "evident replaces its output folder entirely: choose a folder outside content/ and templates/ "
            + "that does not hold the site, with --output (the default is the site's package/)"
        if ResolvedPath.isWithin(site, path) {
            throw refuse(
                path == site ? "the output folder is the site folder" : "the output folder holds the site", fix: fix)
        }
        for name in ["content", "templates"] {
            let sources = ResolvedPath.of(site + "/" + name)
            if ResolvedPath.isWithin(path, sources) {
                let place = path == sources ? "is the site's \(name)/ folder" : "lies inside the site's \(name)/ folder"
                throw refuse("the output folder \(place)", fix: fix)
            }
            if ResolvedPath.isWithin(sources, path) {
                throw refuse("the output folder holds the site's \(name)/ folder", fix: fix)
            }
        }
    }

    /// An existing output must be a folder that evident made (or an empty one), and not a mount point.
    private func checkFolder(assets: Set<String>) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw refuse(
                "the output path is a file, not a folder", fix: "move the file away, or choose a folder with --output")
        }
        if evident_is_mount_root(path) == 1 {
            throw refuse(
                "the output folder is a mount point, which evident cannot replace in one step",
                fix: "choose a folder inside it with --output (e.g. --output \(given)/site)")
        }
        if lstat(path + "/" + OutputMarker.name, &status) == 0 { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard !entries.isEmpty else { return }
        let legacy = LegacyOutput.check(path, assets: assets)
        guard !legacy.isPreviousBuild else { return }
        let holds =
            legacy.foreign.map { "`\($0)`, which evident does not write" }
            ?? entries.sorted().prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (entries.count > 3 ? ", ..." : "")
        throw refuse(
            "the output folder was not made by evident: it has no \(OutputMarker.name) file and holds \(holds)",
            fix: "evident replaces its output folder entirely: choose an empty or new folder with --output, "
                + "or move the folder away")
    }

    private func refuse(_ what: String, fix: String) -> EvidentError {
        EvidentError(.input, at: SourceLocation(file: given), what, fix: fix)
    }
}
