import Foundation

/// Writing files of the build: plain writes into the staging folder (no per-file fsync; the swap is what makes the
/// output atomic), and exclusive creation for scaffolding.
package enum OutputFile {
    /// Writes `contents` at `url`, creating parent folders.
    package static func write(_ url: URL, contents: String) throws {
        try write(path: url.path, contents: contents)
    }

    /// Writes `contents` at a path, creating parent folders (the page writer's call: no URL is built per page).
    package static func write(path: String, contents: String) throws {
        try reporting(path) {
            try makeParent(of: path)
            try FileBytes.write(path, contents)
        }
    }

    package static func write(_ url: URL, data: Data) throws {
        try data.withUnsafeBytes { try write(path: url.path, bytes: $0) }
    }

    /// Writes `bytes` at a path, creating parent folders.
    package static func write(path: String, bytes: UnsafeRawBufferPointer) throws {
        try reporting(path) {
            try makeParent(of: path)
            try FileBytes.write(path, bytes)
        }
    }

    /// Creates the folder that holds `path`: one `mkdir` in the common case (the parent's parent exists); the whole
    /// chain otherwise.
    package static func makeParent(of path: String) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash > path.startIndex else { return }
        let parent = String(path[..<slash])
        do {
            try FileBytes.makeFolder(parent)
        } catch let error as FileBytesError where error.errno == ENOENT {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
    }

    private static func reporting(_ path: String, _ work: () throws -> Void) throws {
        do {
            try work()
        } catch {
            throw EvidentError(
                .io, at: SourceLocation(file: path),
                "cannot write the file: \((error as? FileBytesError)?.description ?? error.localizedDescription)",
                fix: "check the folder's permissions and free space")
        }
    }

    /// Creates a new file, failing when one exists (scaffolding never overwrites the author's work).
    package static func createNew(_ url: URL, contents: String) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw EvidentError(
                .input, at: SourceLocation(file: url.path), "the file already exists",
                fix: "choose another name or remove the file first")
        }
        try write(url, contents: contents)
    }
}
