import EvidentCore
import EvidentSystem
import Foundation
import Glibc

/// SIGINT and SIGTERM for `evident serve`, and the end of the server, as bytes in one pipe that a plain thread
/// blocks on.
///
/// The signal handler kills the experiments running right now and writes one byte into a pipe made at start-up:
/// both are async-signal-safe and allocate nothing, so a process that has run out of file descriptors, or whose
/// threads are all busy, still hears the signal. Installing it also installs the experiment runner's handler
/// first, so that a later experiment run leaves this one in place.
package final class StopSignals: @unchecked Sendable {
    /// What the waiting thread learns.
    package enum Event: Equatable {
        /// SIGINT or SIGTERM arrived.
        case signal
        /// The server has stopped (`serverStopped()` was called).
        case serverStopped
    }

    private nonisolated(unsafe) static var writeEnd: Int32 = -1
    private static let stoppedByte: UInt8 = 0
    private let readEnd: Int32

    private init(readEnd: Int32) {
        self.readEnd = readEnd
    }

    /// Makes the pipe and installs the handlers; call it once, before the server starts (and so before any
    /// experiment is spawned: the pipe is marked close-on-exec right after it is made).
    package static func install() throws -> StopSignals {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw EvidentError(
                .io, "cannot set up the handling of Ctrl-C: \(String(cString: strerror(errno)))",
                fix: errno == EMFILE ? "raise ulimit -n" : "try again")
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        writeEnd = ends[1]
        SignalForwarding.install()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            SignalForwarding.killRegisteredGroups()
            var byte = UInt8(truncatingIfNeeded: signal)
            _ = write(StopSignals.writeEnd, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        return StopSignals(readEnd: ends[0])
    }

    /// Tells the waiting thread that the server has stopped; any thread may call it.
    package func serverStopped() {
        var byte = Self.stoppedByte
        _ = write(Self.writeEnd, &byte, 1)
    }

    /// Blocks until the next event, or until `timeout` passes (then nil); nil timeout waits for ever.
    package func next(timeout: Duration? = nil) -> Event? {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            let milliseconds = deadline.map { Int32(max(0, ($0 - ContinuousClock.now).seconds * 1000)) } ?? -1
            var waiting = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return nil }
            var byte: UInt8 = 0
            let count = read(readEnd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            guard count == 1 else { return nil }
            return byte == Self.stoppedByte ? .serverStopped : .signal
        }
    }
}

extension Duration {
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
