import EvidentCore
import Foundation

/// Checks a file path written in a directive or an include: relative, inside the essay folder (symlinks included),
/// existing.
enum DirectivePath {
    /// The path of `value`'s text, normalized (`./a/../b.py` is `b.py`), relative to `essayFolder`.
    ///
    /// - Parameter extensions: the allowed extensions with their dot (`.py`), or nil for any file.
    static func resolve(_ value: DirectiveValue, in essayFolder: URL, extensions: [String]? = nil) throws -> String {
        try resolve(try value.text(), of: value, in: essayFolder, extensions: extensions)
    }

    /// The same check for a path that is only a part of `value`'s text (`file` in `file#variant`).
    static func resolve(
        _ path: String, of value: DirectiveValue, in essayFolder: URL, extensions: [String]? = nil
    ) throws -> String {
        try resolve(path, at: value.location, in: essayFolder, extensions: extensions)
    }

    /// The same check for a path written at `location`.
    static func resolve(
        _ path: String, at location: SourceLocation, in essayFolder: URL, extensions: [String]? = nil
    ) throws -> String {
        let folder = essayFolderName(location.file)
        let fail = { (failure: DirectivePathFailure) in EvidentError(failure, at: location) }
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else { throw fail(.absolute(path, folder: folder)) }
        guard let relative = ContainedFile.normalized(path) else { throw fail(.leavesFolder(path, folder: folder)) }
        if let extensions, !extensions.contains(where: { relative.hasSuffix($0) }) {
            throw fail(.notAnExperiment(path))
        }
        switch relative.isEmpty ? .missing : ContainedFile.problem(relative, in: essayFolder) {
        // A pipe, socket or device is refused by whatever reads it, with its kind in words (`UserFile`).
        case nil, .notRegular: return relative
        case .missing:
            let nearest = nearestFile(to: relative, in: essayFolder)
            throw fail(.missing(path, folder: folder, relative: relative, nearest: nearest))
        case .folder:
            throw fail(.isFolder(path))
        case .outside:
            throw fail(.linksOutside(path, folder: folder))
        }
    }

    /// The file beside where `path` points whose name is nearest to its name, when near enough to be a typo:
    /// `experiments/sleep.py` for a missing `experiments/sleeps.py`.
    static func nearestFile(to path: String, in essayFolder: URL) -> String? {
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? essayFolder : essayFolder.appendingPathComponent(parent)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        let files = names.filter {
            ContainedFile.problem(parent.isEmpty ? $0 : "\(parent)/\($0)", in: essayFolder) == nil
        }
        guard let closest = EditDistance.closest(to: (path as NSString).lastPathComponent, among: files.sorted())
        else { return nil }
        return parent.isEmpty ? closest : "\(parent)/\(closest)"
    }

    /// The essay folder as messages name it: `content/x` for `content/x/index.md`.
    private static func essayFolderName(_ essayFile: String) -> String {
        let folder = (essayFile as NSString).deletingLastPathComponent
        return folder.isEmpty ? "the essay folder" : folder
    }
}
