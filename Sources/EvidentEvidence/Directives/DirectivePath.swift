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
        var components: [Substring] = []
        for component in path.split(separator: "/") where component != "." {
            if component != ".." {
                components.append(component)
            } else if components.popLast() == nil {
                throw value.error(
                    "`\(path)` leaves the essay folder",
                    fix: "move the file into \(folder) and write its path from there")
            }
        }
        let relative = components.joined(separator: "/")
        if let extensions, !extensions.contains(where: { relative.hasSuffix($0) }) {
            throw value.error(
                "`\(path)` is not a Python, Swift or JavaScript file",
                fix: "experiments are `.py`, `.swift`, `.js` or `.mjs` files")
        }
        let file = essayFolder.appendingPathComponent(relative)
        var isFolder: ObjCBool = false
        guard !relative.isEmpty, FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) else {
            throw value.error("`\(path)` does not exist", fix: "create \(folder)/\(relative) or correct the path")
        }
        guard !isFolder.boolValue else {
            throw value.error("`\(path)` is a folder, not a file", fix: "name a file inside it")
        }
        guard let real = realPath(file), let realFolder = realPath(essayFolder), real.hasPrefix(realFolder + "/")
        else {
            throw value.error(
                "`\(path)` is a symlink to a file outside the essay folder",
                fix: "copy the file into \(folder) instead of linking to it")
        }
        return relative
    }

    /// The essay folder as messages name it: `content/x` for `content/x/index.md`.
    private static func essayFolderName(_ essayFile: String) -> String {
        let folder = (essayFile as NSString).deletingLastPathComponent
        return folder.isEmpty ? "the essay folder" : folder
    }

    /// The absolute path with every symlink resolved, or nil when it cannot be resolved.
    private static func realPath(_ url: URL) -> String? {
        guard let resolved = realpath(url.path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
