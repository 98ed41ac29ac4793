import CEvidentSystem
import Foundation
import Glibc

/// The process groups of the experiments running right now, and the `SIGINT`/`SIGTERM` handler that kills them
/// before evident exits, so that a Ctrl-C never leaves an experiment running.
///
/// The handler may only do async-signal-safe work, so the group ids live in a fixed-size C array that it reads
/// without a lock; registering and unregistering take a lock among themselves. A signal that arrives between a
/// spawn and its registration (a few microseconds) leaves that one program running.
enum SignalForwarding {
    /// How many experiments may run at once and still be killed on a signal.
    static let capacity = 64

    /// The registered process-group ids; 0 is a free slot.
    private nonisolated(unsafe) static let groups: UnsafeMutablePointer<pid_t> = {
        let slots = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        return slots
    }()
    private static let lock = NSLock()
    private nonisolated(unsafe) static var installed = false

    /// Installs the handlers once per process: `SIGINT` and `SIGTERM` kill every registered group and exit with
    /// 130 and 143. It also ignores `SIGPIPE` (a program that stops reading its stdin must not kill evident) and
    /// makes evident the reaper of orphaned descendants. `Subprocess.run` calls it.
    static func install() {
        lock.lock()
        defer { lock.unlock() }
        guard !installed else { return }
        installed = true
        _ = groups  // initialized here, never first in the handler
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            SignalForwarding.killRegisteredGroups()
            _exit(128 + signal)
        }
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        signal(SIGPIPE, SIG_IGN)
        _ = evident_become_child_subreaper()
    }

    /// Sends `SIGKILL` to every registered process group. Async-signal-safe: what the handler calls.
    static func killRegisteredGroups() {
        for index in 0..<capacity where groups[index] > 0 {
            kill(-groups[index], SIGKILL)
        }
    }

    /// Records a running group; returns its slot for `unregister`, or nil when all slots are taken.
    static func register(_ group: pid_t) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let index = (0..<capacity).first(where: { groups[$0] == 0 }) else { return nil }
        groups[index] = group
        return index
    }

    /// Forgets the group in `slot` once it has been killed and reaped.
    static func unregister(_ slot: Int) {
        lock.lock()
        defer { lock.unlock() }
        groups[slot] = 0
    }
}
