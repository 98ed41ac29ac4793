import EvidentCore
import Foundation

/// The lock that keeps builds of one site from interleaving: an exclusive `flock` on the site's
/// `.evident-cache/build.lock`, held for the whole build (measuring, storing evidence, replacing the output) and
/// released when the build ends or its process dies. A second build waits for it, saying so once.
///
/// When the lock file cannot be created (a read-only site built into an output elsewhere), the site folder itself
/// is locked instead; builds that cannot create the file then exclude each other through it.
final class SiteLock {
    private let descriptor: Int32

    static let fileName = "build.lock"

    /// Takes the lock of the site, waiting while another build holds it.
    ///
    /// - Throws: `EvidentError` (`.io`, at the lock file) when neither the lock file nor the site folder can be
    ///   locked.
    init(siteFolder: URL, cacheFolder: URL, log: Log) throws {
        let file = cacheFolder.appendingPathComponent(Self.fileName).path
        try? FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        var (descriptor, locked) = (open(file, O_RDWR | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o644), file)
        if descriptor < 0 {
            (descriptor, locked) = (open(siteFolder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), siteFolder.path)
        }
        guard descriptor >= 0 else {
            throw EvidentError(
                .io, at: SourceLocation(file: file), "cannot open the build lock: \(String(cString: strerror(errno)))",
                fix: "check that the site folder is readable")
        }
        self.descriptor = descriptor
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        log.info("waiting for another build of this site to finish (it holds \(locked))")
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw EvidentError(
                    .io, at: SourceLocation(file: file),
                    "cannot take the build lock: \(String(cString: strerror(errno)))",
                    fix: "check that the file system supports flock")
            }
        }
    }

    deinit {
        close(descriptor)
    }
}
