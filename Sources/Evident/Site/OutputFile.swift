import Foundation

/// Writing files of the build: plain writes into the staging folder (no per-file fsync; the swap is what makes the
/// output atomic), and exclusive creation for scaffolding.
enum OutputFile {
    /// Writes `contents` at `url`, creating parent folders.
    static func write(_ url: URL, contents: String) throws {
        try reporting(url) {
            try makeParent(of: url)
            try FileBytes.write(url.path, contents)
        }
    }

    static func write(_ url: URL, data: Data) throws {
        try reporting(url) {
            try makeParent(of: url)
            try data.withUnsafeBytes { try FileBytes.write(url.path, $0) }
        }
    }

    /// One `mkdir` in the common case (the parent's parent exists); the whole chain otherwise.
    private static func makeParent(of url: URL) throws {
        let parent = url.deletingLastPathComponent()
        do {
            try FileBytes.makeFolder(parent.path)
        } catch let error as FileBytesError where error.errno == ENOENT {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        }
    }

    private static func reporting(_ url: URL, _ work: () throws -> Void) throws {
        do {
            try work()
        } catch {
            throw EvidentError(
                .io, at: SourceLocation(file: url.path),
                "cannot write the file: \((error as? FileBytesError)?.description ?? error.localizedDescription)",
                fix: "check the folder's permissions and free space")
        }
    }

    /// Creates a new file, failing when one exists (scaffolding never overwrites the author's work).
    static func createNew(_ url: URL, contents: String) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw EvidentError(
                .input, at: SourceLocation(file: url.path), "the file already exists",
                fix: "choose another name or remove the file first")
        }
        try write(url, contents: contents)
    }
}
