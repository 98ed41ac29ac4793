import CEvidentSystem
import EvidentCore
import Glibc

/// The output a build replaces, as the source of files the build need not write again: where the new build would
/// write exactly the bytes the previous one left at the same path, the previous file is hard-linked into the staging
/// folder instead. Nothing is written, and removing the previous output after the swap then frees nothing: on a disk
/// file system that is most of what a rebuild that changes little spends (the real site's no-op rebuild replaced
/// 4 MB with the same 4 MB, and creating files just after deleting as many is slow on ext4).
///
/// Only a file the build itself could have written is reused: a regular file reached from the output folder without
/// a symbolic link, with no other link to it, owned by this user, with the mode a new file gets, and whose bytes
/// are compared in full. Anything else, or any error, leaves the file to be written as usual.
final class PreviousOutput {
    /// The open previous output folder.
    private let folder: Int32
    /// The permission bits of a file the build creates.
    private let mode: mode_t
    private let owner = geteuid()

    /// The output at `destination`, nil when there is none; `mode` is the permission bits of a new file.
    init?(destination: String, mode: mode_t) {
        folder = open(destination, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard folder >= 0 else { return nil }
        self.mode = mode
    }

    deinit {
        close(folder)
    }

    /// Links the previous output's file at `path` (relative to the output) to `target` when it holds exactly
    /// `bytes`; false when it did not (the caller then writes the file).
    func link(_ path: String, to target: String, holding bytes: UnsafeRawBufferPointer) -> Bool {
        let file = evident_open_beneath(folder, path)
        guard file >= 0 else { return false }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_nlink == 1,
            status.st_uid == owner, status.st_mode & 0o7777 == mode, status.st_size == bytes.count,
            Self.holds(file, bytes)
        else { return false }
        guard (try? OutputFile.makeParent(of: target)) != nil else { return false }
        // The very file compared, whatever has happened to its path since.
        return linkat(AT_FDCWD, "/proc/self/fd/\(file)", AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0
    }

    /// Whether the open `file`, whose size is that of `bytes`, holds them.
    private static func holds(_ file: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let chunk = min(bytes.count, 1 << 16)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let count = read(file, buffer, min(chunk, bytes.count - offset))
            if count < 0 && errno == EINTR { continue }
            guard count > 0, memcmp(buffer, start + offset, count) == 0 else { return false }
            offset += count
        }
        return true
    }
}
