import CEvidentSystem
import Foundation
import Glibc

/// The process groups of the programs running right now, and what ends them with evident: the `SIGINT`, `SIGTERM`
/// and `SIGHUP` handler, and the end of the process. Either kills every registered group, then every other
/// process evident has adopted (it is their subreaper, so a process an experiment or a compiler moved to a group or
/// a session of its own is its child once the groups are reaped), so that neither a Ctrl-C nor a closed terminal
/// leaves anything running. The handler also removes the build's unfinished files (`SignalCleanup`), so that it
/// leaves no staging folder behind.
///
/// The handler may only do async-signal-safe work, so the group ids live in a fixed-size C array that it reads
/// without a lock; registering and unregistering take a lock among themselves. A signal that arrives between a
/// spawn and its registration (a few microseconds) leaves that program to the sweep of adopted processes.
package enum SignalForwarding {
    /// How many experiments may run at once and still be killed on a signal.
    static let capacity = 64
    /// The signals that end evident, each with the exit status 128 + its number.
    static let endingSignals = [SIGINT, SIGTERM, SIGHUP]

    /// The registered process-group ids; 0 is a free slot.
    private nonisolated(unsafe) static let groups: UnsafeMutablePointer<pid_t> = {
        let slots = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        return slots
    }()
    private static let lock = NSLock()
    private nonisolated(unsafe) static var installed = false

    /// Installs the handlers once per process: `SIGINT`, `SIGTERM` and `SIGHUP` end every process evident started
    /// (`endChildren`), remove the registered unfinished files and exit with 130, 143 and 129 (after the commit, when
    /// one is under way); the end of the process ends every process too. It also ignores `SIGPIPE` (a program that
    /// stops reading its stdin must not kill evident) and makes evident the reaper of orphaned descendants.
    /// `Subprocess.run` calls it; the `build` and `check` commands call it at their start.
    package static func install() {
        lock.lock()
        defer { lock.unlock() }
        guard !installed else { return }
        installed = true
        _ = groups  // initialized here, never first in the handler
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            guard evident_signal_defer(signal) == 0 else { return }
            SignalForwarding.exit(after: signal)
        }
        sigemptyset(&action.sa_mask)
        for signal in endingSignals { sigaction(signal, &action, nil) }
        signal(SIGPIPE, SIG_IGN)
        _ = evident_become_child_subreaper()
        atexit { SignalForwarding.endChildren() }
    }

    /// Ends every process evident started, removes the registered unfinished files and exits with 128 + `signal`.
    /// Async-signal-safe: what the handler calls.
    static func exit(after signal: Int32) -> Never {
        endChildren()
        evident_cleanup_run()
        _exit(128 + signal)
    }

    /// Kills every registered group and reaps it, then kills and reaps every other child of evident, again and
    /// again until none is left: the processes the programs left in groups or sessions of their own, adopted by
    /// evident. For the end of evident only, since it ends any child. Async-signal-safe.
    package static func endChildren() {
        killRegisteredGroups()
        reapRegisteredGroups()
        _ = evident_end_orphans(0)
    }

    /// Sends `SIGKILL` to every registered process group. Async-signal-safe: what the handler calls.
    package static func killRegisteredGroups() {
        for index in 0..<capacity where groups[index] > 0 {
            kill(-groups[index], SIGKILL)
        }
    }

    /// Waits for every member of the registered groups that is evident's child, once they were sent `SIGKILL`:
    /// when it returns, what a program started in a group or session of its own has been adopted by evident.
    /// Async-signal-safe.
    private static func reapRegisteredGroups() {
        for index in 0..<capacity where groups[index] > 0 {
            evident_reap_group(groups[index])
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
