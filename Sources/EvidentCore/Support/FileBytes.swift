import Foundation

/// Plain POSIX reads and writes for the build's hot path: one `open`, `fstat`, `read`/`write` and `close` per file,
/// with none of the attribute, owner-name and atomic-temporary-file work that Foundation's file APIs do per call.
package enum FileBytes {
    /// Reads an open file to its end; `sizeHint` (its size when it was opened) sizes the first buffer.
    static func readAll(_ descriptor: Int32, sizeHint: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let read = bytes.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count)
            }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else {
                if read < 0 { throw FileBytesError(errno: errno) }
                break
            }
            count += read
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Creates or truncates the file at `path` and writes `text` into it; the error is the C `errno` text.
    static func write(_ path: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try write(path, UnsafeRawBufferPointer($0)) }
    }

    static func write(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileBytesError(errno: errno) }
        do {
            try writeAll(descriptor, bytes)
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw FileBytesError(errno: errno) }
    }

    /// Writes every byte to an open file, through short writes and interruptions.
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw FileBytesError(errno: errno) }
            written += count
        }
    }

    /// Writes every byte to an open file at `offset` (`pwrite`), through short writes and interruptions.
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        var written = 0
        while written < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw FileBytesError(errno: errno) }
            written += count
        }
    }

    /// Creates a folder; one that already exists is fine.
    package static func makeFolder(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw FileBytesError(errno: errno) }
    }

    /// The names of the folders directly inside `path` that are not hidden, sorted (symbolic links are not
    /// followed).
    static func subfolders(of path: String) throws -> [String] {
        guard let directory = opendir(path) else { throw FileBytesError(errno: errno) }
        defer { closedir(directory) }
        return entries(of: directory).compactMap { name, type in
            guard !name.hasPrefix(".") else { return nil }
            guard type == UInt8(DT_UNKNOWN) else { return type == UInt8(DT_DIR) ? name : nil }
            var status = stat()
            return lstat(path + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR ? name : nil
        }.sorted()
    }

    /// The names of the entries directly inside `path`, unsorted; nil when it cannot be opened (missing, or not a
    /// folder).
    package static func names(in path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        return entries(of: directory).map(\.name)
    }

    /// Every entry of an open folder but `.` and `..`, with its `d_type`.
    fileprivate static func entries(of directory: OpaquePointer) -> [(name: String, type: UInt8)] {
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != ".", name != ".." { entries.append((name, entry.pointee.d_type)) }
        }
        return entries
    }
}

extension FileBytes {
    /// Removes a folder and everything in it without following symbolic links (like `rm -rf`); the entries at
    /// its top are removed on every core, as a site's output is a folder per essay. Errors are ignored: what
    /// cannot be removed stays.
    package static func removeTree(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0, let directory = fdopendir(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            unlink(path)
            return
        }
        let names = entries(of: directory).map(\.name)
        closedir(directory)
        _ = try? ParallelMap.map(names) { name in
            let child = open(path + "/" + name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 {
                removeContents(child)
                rmdir(path + "/" + name)
            } else {
                unlink(path + "/" + name)
            }
        }
        rmdir(path)
    }

    /// Removes everything inside the open folder `descriptor`, then closes it.
    private static func removeContents(_ descriptor: Int32) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        for (name, type) in entries(of: directory) {
            // A file is unlinked at once; only folders (or entries of unknown type) are opened.
            let child =
                type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN)
                ? openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1
            if child >= 0 {
                removeContents(child)
                unlinkat(descriptor, name, AT_REMOVEDIR)
            } else {
                unlinkat(descriptor, name, 0)
            }
        }
    }
}

extension FileBytes {
    /// Writes a file in chunks of 1 MiB, for files too large to build in memory first.
    package final class Appender {
        private let descriptor: Int32
        private var buffer: [UInt8] = []
        private var failure: FileBytesError?

        /// Creates or truncates the file.
        package init(_ path: String) throws {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw FileBytesError(errno: errno) }
            buffer.reserveCapacity(Self.chunk)
        }

        private static let chunk = 1 << 20

        package func append(_ bytes: some Collection<UInt8>) {
            buffer += bytes
            if buffer.count >= Self.chunk { flush() }
        }

        /// Writes what is left, flushes it to disk when `sync` is set, and closes the file; the first failure, if
        /// any, is thrown here.
        package func close(sync: Bool = false) throws {
            flush()
            if sync && failure == nil && fsync(descriptor) != 0 { failure = FileBytesError(errno: errno) }
            let closed = Glibc.close(descriptor) == 0 ? nil : FileBytesError(errno: errno)
            if let failure = failure ?? closed { throw failure }
        }

        private func flush() {
            defer { buffer.removeAll(keepingCapacity: true) }
            guard failure == nil else { return }
            do {
                try buffer.withUnsafeBytes { try FileBytes.writeAll(descriptor, $0) }
            } catch {
                failure = error as? FileBytesError
            }
        }
    }
}

/// A regular file held open for reading parts of it by offset (`pread`), for as long as this object lives: a large
/// cache file is read a part at a time, never held whole. Files are replaced by renaming, so an open file never
/// changes.
package final class OpenFile: @unchecked Sendable {
    package let descriptor: Int32
    /// The file's size when it was opened.
    package let size: Int

    /// Opens a regular file; nil when it is missing, not a regular file or cannot be opened.
    package init?(path: String) {
        descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return nil
        }
        size = Int(status.st_size)
        if lseek(descriptor, 0, SEEK_SET) != 0 {
            close(descriptor)
            return nil
        }
    }

    /// Takes over an open descriptor (closed with this object), for a file this process writes and reads back.
    package init(descriptor: Int32) {
        self.descriptor = descriptor
        size = 0
    }

    deinit {
        close(descriptor)
    }

    /// Reads the bytes at `range` into `buffer` (which must hold `range.count`); false when they cannot all be read.
    package func read(_ range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var done = 0
        while done < range.count {
            let count = pread(
                descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// The bytes at `range` as text (invalid UTF-8 repaired with U+FFFD); empty when they cannot be read.
    package func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        var complete = true
        let text = String(unsafeUninitializedCapacity: range.count) { buffer in
            complete = read(range, into: UnsafeMutableRawBufferPointer(buffer))
            return complete ? range.count : 0
        }
        return complete ? text : ""
    }
}

/// A failed system call of `FileBytes`, described by its `errno`.
package struct FileBytesError: Error, CustomStringConvertible {
    package var errno: Int32

    package init(errno: Int32) {
        self.errno = errno
    }

    package var description: String { String(cString: strerror(errno)) }

    /// The error for a file or folder that is there but could not be read, located at `file` (relative to the
    /// site). Running out of file descriptors says which limit to raise; `fix` is for every other cause.
    package func unreadable(_ file: String, fix: String) -> EvidentError {
        let location = SourceLocation(file: file)
        switch errno {
        case EMFILE:
            var limit = rlimit()
            getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
            return EvidentError(
                .io, at: location, "cannot read it: too many open files",
                fix: "raise ulimit -n (it is \(limit.rlim_cur))")
        case ENFILE:
            return EvidentError(
                .io, at: location, "cannot read it: the system's table of open files is full",
                fix: "close other programs, or raise fs.file-max")
        default:
            return EvidentError(.io, at: location, "cannot read it: \(description)", fix: fix)
        }
    }
}
