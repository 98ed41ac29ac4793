import CEvidentSystem
import Glibc

/// What a build leaves unfinished on disk while it runs (its staging folder, its staged evidence files, a Swift
/// experiment's build folder), removed by the `SIGINT`/`SIGTERM`/`SIGHUP` handler of `SignalForwarding` so that a
/// Ctrl-C leaves nothing behind; and the commit, during which such a signal waits until every file is in place or
/// rolled back.
package enum SignalCleanup {
    /// A registered path, forgotten by `forget()` once the build has committed or removed it itself.
    package struct Registration {
        fileprivate let slot: Int32

        package func forget() {
            evident_cleanup_remove(slot)
        }
    }

    /// Registers a folder (removed with everything in it) or a file to remove on an interrupt.
    package static func register(_ path: String) -> Registration {
        Registration(slot: evident_cleanup_add(path))
    }

    /// Runs `work` with `SIGINT`, `SIGTERM` and `SIGHUP` held: one that arrives meanwhile ends evident (ending its
    /// processes, removing what is registered) only once `work` has finished, so a Ctrl-C never stops a commit
    /// half-way.
    package static func holdingSignals<Result>(_ work: () throws -> Result) rethrows -> Result {
        evident_signals_hold()
        defer {
            let signal = evident_signals_release()
            if signal != 0 { SignalForwarding.exit(after: signal) }
        }
        return try work()
    }
}
