import Glibc

/// How many connections the preview holds open at once: what the open-files limit (`ulimit -n`) leaves after a
/// reserve for everything else. Further connections wait in the listen queue until one closes.
///
/// Without it, a page with many tabs or a flood of connections takes every file descriptor: rebuilds then fail,
/// the accept loop spins, and the runtime's thread-pool monitor, which reads `/proc` once a second, aborts the
/// process when it cannot open a file.
enum ConnectionBudget {
    /// Descriptors kept for rebuilds (sources, pages, highlighter and experiment pipes) and the runtime.
    static let reserve = 64

    /// The budget under the process's current soft limit of open files.
    static var current: Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 - reserve }
        return budget(openFiles: Int(clamping: limit.rlim_cur))
    }

    /// Half the limit at least, so that a low limit still serves a few pages.
    static func budget(openFiles: Int) -> Int {
        max(openFiles / 2, openFiles - reserve)
    }
}
