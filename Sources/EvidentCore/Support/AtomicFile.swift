import Foundation

/// Files and folders that appear whole or not at all: their content is written beside the final place first (on the
/// same file system) and renamed into it, so that a reader, a concurrent build or a killed one never sees half.
package enum AtomicFile {
    /// Writes a new file at `temporary` through `fill` and flushes it to disk; a file left there by a killed run is
    /// removed first. Renaming it into place is the caller's: now (`replace`) or later, as staged evidence is.
    ///
    /// - Throws: `FileBytesError` when the file cannot be written or flushed, or what `fill` throws; the temporary
    ///   file is then gone.
    package static func stage(_ temporary: String, _ fill: (FileBytes.Appender) throws -> Void) throws {
        unlink(temporary)
        do {
            let writer = try FileBytes.Appender(temporary)
            do {
                try fill(writer)
            } catch {
                try? writer.close()
                throw error
            }
            try writer.close(sync: true)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Replaces the file at `path` with what `fill` writes: a reader sees the old bytes or all of the new ones (the old
    /// ones when `fill` throws).
    package static func replace(_ path: String, _ fill: (FileBytes.Appender) throws -> Void) throws {
        let temporary = path + ".\(getpid()).tmp"
        try stage(temporary, fill)
        guard rename(temporary, path) == 0 else {
            let error = FileBytesError(errno: errno)
            unlink(temporary)
            throw error
        }
    }

    /// Moves the finished folder `staging` to `destination`, unless another process put one there first (then
    /// `staging` is removed and theirs is kept). False when neither is there afterwards.
    package static func publishFolder(_ staging: String, at destination: String) -> Bool {
        if rename(staging, destination) == 0 { return true }
        try? FileManager.default.removeItem(atPath: staging)
        return access(destination, F_OK) == 0
    }
}
