import EvidentCore
import Foundation

/// Checks a file path written in a directive: relative, inside the essay folder (symlinks included), existing.
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
        let folder = essayFolderName(value.location.file)
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else {
            throw value.error(
                "`\(path)` is an absolute path", fix: "write a path relative to \(folder), like `experiments/x.py`")
        }
        guard let relative = ContainedFile.normalized(path) else {
            throw value.error(
                "`\(path)` leaves the essay folder", fix: "move the file into \(folder) and write its path from there")
        }
        if let extensions, !extensions.contains(where: { relative.hasSuffix($0) }) {
            throw value.error(
                "`\(path)` is not a Python, Swift or JavaScript file",
                fix: "experiments are `.py`, `.swift`, `.js` or `.mjs` files")
        }
        switch relative.isEmpty ? .missing : ContainedFile.problem(relative, in: essayFolder) {
        // A pipe, socket or device is refused by whatever reads it, with its kind in words (`UserFile`).
        case nil, .notRegular: return relative
        case .missing:
            throw value.error("`\(path)` does not exist", fix: "create \(folder)/\(relative) or correct the path")
        case .folder:
            throw value.error("`\(path)` is a folder, not a file", fix: "name a file inside it")
        case .outside:
            throw value.error(
                "`\(path)` is a symlink to a file outside the essay folder",
                fix: "copy the file into \(folder) instead of linking to it")
        }
    }

    /// The essay folder as messages name it: `content/x` for `content/x/index.md`.
    private static func essayFolderName(_ essayFile: String) -> String {
        let folder = (essayFile as NSString).deletingLastPathComponent
        return folder.isEmpty ? "the essay folder" : folder
    }
}
