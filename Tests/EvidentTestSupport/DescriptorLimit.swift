import Foundation
import Glibc

/// Running out of file descriptors for real: the limit of open files lowered, for a moment, to the lowest free
/// descriptor, so that the next `open` (or `inotify_init1`, `socket`...) fails with EMFILE.
package enum DescriptorLimit {
    /// The soft limit the last `withNoneFree` set.
    package nonisolated(unsafe) static var lastLowered: rlim_t = 0

    /// Runs `body` with no descriptor free, then restores the limit.
    package static func withNoneFree<T>(_ body: () -> T) -> T {
        let lowestFree = open("/dev/null", O_RDONLY)
        close(lowestFree)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        var saved = rlimit()
        getrlimit(resource, &saved)
        var lowered = saved
        lowered.rlim_cur = rlim_t(lowestFree)
        lastLowered = lowered.rlim_cur
        setrlimit(resource, &lowered)
        defer { setrlimit(resource, &saved) }
        return body()
    }
}
