import Foundation

/// Writing files of the build: plain writes into the staging folder (no per-file fsync; the swap is what makes the
/// output atomic), and exclusive creation for scaffolding.
enum OutputFile {
    /// Writes `contents` at `url`, creating parent folders.
    static func write(_ url: URL, contents: String) throws {
        try write(url, data: Data(contents.utf8))
    }

    static func write(_ url: URL, data: Data) throws {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        } catch {
            throw EvidentError(
                .io, at: SourceLocation(file: url.path), "cannot write the file: \(error.localizedDescription)",
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
