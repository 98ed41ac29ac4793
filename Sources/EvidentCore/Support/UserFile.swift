import Foundation

/// Reading the author's files (site.yml, essays, templates, experiments, stored evidence) without ever blocking:
/// each is opened non-blocking and checked with `fstat`, so a named pipe, socket or device where a file should be
/// is an error naming it, not a build that waits forever for a writer.
package enum UserFile {
    /// The bytes of the regular file at `path`, or nil when there is nothing there.
    ///
    /// - Parameters:
    ///   - location: where errors point (the file itself, or the directive that names it).
    ///   - name: how messages name the file when `location` is not the file itself (`experiments/x.py`).
    /// - Throws: `EvidentError` (`.input`) when something other than a regular file is at `path`; (`.io`) when it
    ///   cannot be opened or read (permissions, a failing disk).
    package static func read(_ path: String, at location: SourceLocation, naming name: String? = nil) throws -> [UInt8]?
    {
        let subject = name.map { "`\($0)`" } ?? "the file"
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return nil
            case ENXIO: throw notRegular(subject, kind: "a socket", at: location)
            default: throw unreadable(subject, errno: errno, at: location)
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(subject, errno: errno, at: location) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw notRegular(subject, kind: kind(of: status.st_mode), at: location)
        }
        do {
            return try FileBytes.readAll(descriptor, sizeHint: Int(status.st_size))
        } catch let error as FileBytesError {
            throw unreadable(subject, errno: error.errno, at: location)
        }
    }

    /// What a file that is not a regular file is, in words.
    private static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "a special file"
        }
    }

    private static func notRegular(_ subject: String, kind: String, at location: SourceLocation) -> EvidentError {
        EvidentError(
            .input, at: location, "\(subject) is \(kind), not a regular file",
            fix: "replace it with a regular file (evident reads no pipes, sockets or devices)")
    }

    private static func unreadable(_ subject: String, errno: Int32, at location: SourceLocation) -> EvidentError {
        if errno == EMFILE || errno == ENFILE {
            return FileBytesError(errno: errno).unreadable(location.file, fix: "check that the file is readable")
        }
        return EvidentError(
            .io, at: location, "cannot read \(subject): \(String(cString: strerror(errno)))",
            fix: "check that the file is readable")
    }
}
