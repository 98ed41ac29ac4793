import Foundation

/// What one finished run of a `Subprocess` produced and cost.
package struct ProcessResult: Sendable {
    /// How the program ended.
    package enum Termination: Sendable, Equatable, CustomStringConvertible {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (after a time-out or an output cap, `SIGKILL` from the runner).
        case signaled(Int32)

        package var description: String {
            switch self {
            case .exited(let status): return "exited with status \(status)"
            case .signaled(let signal): return "was killed by signal \(signal) (\(signalName(signal)))"
            }
        }

        private func signalName(_ signal: Int32) -> String {
            guard let name = strsignal(signal) else { return "unknown" }
            return String(cString: name)
        }
    }

    package var termination: Termination
    /// Monotonic time from just before the program's fork to its reaping, as `evident-spawn` measures it (or, without
    /// it, from just before the spawn to the return of `wait4`).
    package var wallNanoseconds: Int
    /// User plus system CPU time of the program and the children it waited for.
    package var cpuNanoseconds: Int
    /// Peak resident set size of the program (or its largest waited-for child).
    package var maxRSSBytes: Int
    /// Everything it wrote to stdout, up to the cap.
    package var stdout: Data
    /// The last bytes it wrote to stderr.
    package var stderrTail: Data
    /// The runner killed it when its time-out passed.
    package var timedOut: Bool
    /// The runner killed it when its stdout passed the cap; `stdout` holds the first bytes.
    package var outputCapped: Bool

    /// It exited with status 0, in time and within the output cap.
    package var succeeded: Bool {
        termination == .exited(0) && !timedOut && !outputCapped
    }

    /// `stderrTail` as text (invalid UTF-8 replaced).
    package var stderrText: String {
        String(decoding: stderrTail, as: UTF8.self)
    }
}
