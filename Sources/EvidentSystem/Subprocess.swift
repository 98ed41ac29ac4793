import CEvidentSystem
import EvidentCore
import Foundation
import Glibc

/// A program run to completion under the runner's rules: started with `posix_spawn` in a process group of its
/// own, with only the environment it is given, stdout and stderr captured (stdout up to a cap, the tail of
/// stderr), killed with every process it started at a time-out, and measured (wall time, CPU time, peak memory).
///
/// When the program exits, whatever is left of its group is killed and reaped too, so a child that outlives it
/// cannot keep the build waiting on the stdout pipe. A descendant that left the group for a group or a session of
/// its own is adopted by `evident-spawn`, the program's subreaper, which kills it before it exits itself, also when
/// it stops the program at a time-out or the output cap (`RunningProcess`). What is left when the trampoline itself
/// is killed is adopted by evident, which kills it before it exits (`SignalForwarding`).
package struct Subprocess: Sendable {
    /// Where the program's stdin comes from.
    package enum Input: Sendable, Equatable {
        /// `/dev/null`.
        case null
        /// These bytes, then end of file.
        case bytes(Data)
        /// The file at this path.
        case file(String)
    }

    /// The program and its arguments. The program is a path, or a name looked up in the `PATH` of `environment`.
    package var arguments: [String]
    /// The whole environment of the program; see `cleanEnvironment(adding:)`.
    package var environment: [String: String]
    /// The program's working directory; nil keeps evident's.
    package var workingDirectory: String?
    var input: Input
    /// The program and every process it started are killed (`SIGKILL`) when it runs longer; nil waits for ever.
    package var timeout: Duration?
    /// The program and every process it started are killed when stdout passes this many bytes.
    package var stdoutLimit: Int
    /// How many of the last stderr bytes are kept.
    var stderrTailLimit: Int
    /// Whether the trampoline first runs the program once unrecorded (its input and output `/dev/null`) and then
    /// times the run that counts, so that this run starts on caches and a spawn path as warm as in the back-to-back
    /// runs of `hyperfine`, whatever ran before it: for a command timed as a whole process. Without the trampoline
    /// the program runs once.
    package var primed = false

    package init(
        _ arguments: [String], environment: [String: String], workingDirectory: String? = nil, input: Input = .null,
        timeout: Duration? = nil, stdoutLimit: Int = 16 << 20, stderrTailLimit: Int = 4096
    ) {
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.input = input
        self.timeout = timeout
        self.stdoutLimit = stdoutLimit
        self.stderrTailLimit = stderrTailLimit
    }

    /// `PATH`, `HOME` and `LANG` as evident has them (or sensible defaults), plus `extra`.
    package static func cleanEnvironment(adding extra: [String: String] = [:]) -> [String: String] {
        let current = ProcessInfo.processInfo.environment
        let base = [
            "PATH": current["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": current["HOME"] ?? "/",
            "LANG": current["LANG"] ?? "C.UTF-8",
        ]
        return base.merging(extra) { _, added in added }
    }

    /// Runs the program to its end and returns what it did. Throws `SubprocessError` only when it cannot start;
    /// a failure of the program itself is in the result.
    package func run() throws -> ProcessResult {
        SignalForwarding.install()
        let program = try resolvedProgram()
        try checkFolderAndInput()
        let stdoutPipe = try SpawnPipe()
        let stderrPipe = try SpawnPipe()
        let stdinPipe = try input.isBytes ? SpawnPipe() : nil
        let trampoline = SpawnTrampoline.path
        let reportPipe = try trampoline.map { _ in try SpawnPipe() }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch input {
        case .null: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .bytes: posix_spawn_file_actions_adddup2(&actions, stdinPipe!.read, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe.write, 2)
        if let reportPipe { posix_spawn_file_actions_adddup2(&actions, reportPipe.write, 3) }
        _ = evident_spawn_add_closefrom(&actions, reportPipe == nil ? 3 : 4)
        if let workingDirectory { _ = evident_spawn_add_chdir(&actions, workingDirectory) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        Self.startInOwnGroupWithDefaultSignals(&attributes)

        let argv = CStrings(trampoline.map { [$0] + (primed ? ["--primed"] : []) + [program] + arguments } ?? arguments)
        let envp = CStrings(environment.map { "\($0.key)=\($0.value)" }.sorted())
        var pid: pid_t = 0
        let start = monotonicNanoseconds()
        let status = posix_spawn(&pid, trampoline ?? program, &actions, &attributes, argv.pointers, envp.pointers)
        for end in [stdoutPipe, stderrPipe, reportPipe].compactMap({ $0 }) { end.closeWrite() }
        stdinPipe?.closeRead()
        guard status == 0 else {
            throw SubprocessError("cannot start \(program): \(String(cString: strerror(status)))")
        }
        let pidfd = try Self.watch(pid, program: program)
        let slot = SignalForwarding.register(pid)
        defer { slot.map(SignalForwarding.unregister) }
        let descriptors = RunningProcess.Descriptors(
            stdout: stdoutPipe.takeRead(), stderr: stderrPipe.takeRead(), stdin: stdinPipe?.takeWrite() ?? -1,
            pidfd: pidfd)
        var process = RunningProcess(
            group: pid, trampolined: trampoline != nil, start: start, descriptors: descriptors,
            limits: (stdoutLimit, stderrTailLimit))
        var result = process.supervise(input: input.bytes, timeout: timeout.map { Int($0.nanoseconds) })
        // A program stopped at the time-out or the output cap keeps evident's own times, which span the whole wait.
        let stopped = result.timedOut || result.outputCapped
        if let reportPipe, !stopped, let usage = SpawnTrampoline.usage(from: reportPipe.readAll()) {
            result.maxRSSBytes = usage.maxRSSBytes
            result.cpuNanoseconds = usage.cpuNanoseconds
            result.wallNanoseconds = usage.wallNanoseconds
        }
        return result
    }

    /// A pidfd of the program just started, or, when there is none, the program killed and an error.
    private static func watch(_ pid: pid_t, program: String) throws -> Int32 {
        let pidfd = evident_pidfd_open(pid)
        guard pidfd >= 0 else {
            let reason = String(cString: strerror(errno))
            kill(-pid, SIGKILL)
            waitpid(pid, nil, 0)
            throw SubprocessError("cannot watch \(program) (pidfd_open: \(reason)); evident needs Linux 5.3 or later")
        }
        return pidfd
    }

    private func checkFolderAndInput() throws {
        if let workingDirectory, !isDirectory(workingDirectory) {
            throw SubprocessError("the working directory \(workingDirectory) does not exist")
        }
        if case .file(let path) = input, access(path, R_OK) != 0 {
            throw SubprocessError("the input file \(path) cannot be read")
        }
    }

    /// The program starts in a process group of its own, with every signal at its default and none blocked.
    private static func startInOwnGroupWithDefaultSignals(_ attributes: inout posix_spawnattr_t) {
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var signals = sigset_t()
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
    }

    private func resolvedProgram() throws -> String {
        guard let name = arguments.first, !name.isEmpty else { throw SubprocessError("the command is empty") }
        if name.contains("/") { return name }
        let path = environment["PATH"] ?? ""
        for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + name
            if access(candidate, X_OK) == 0 && !isDirectory(candidate) { return candidate }
        }
        throw SubprocessError("\(name) is not found in PATH (\(path))")
    }

    private func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

}

/// Why a program could not be started.
package struct SubprocessError: Error, Sendable, Equatable, CustomStringConvertible {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}

extension Subprocess.Input {
    fileprivate var isBytes: Bool {
        if case .bytes = self { return true }
        return false
    }

    /// What to write to the program's stdin through a pipe.
    fileprivate var bytes: Data {
        if case .bytes(let bytes) = self { return bytes }
        return Data()
    }
}

/// A pipe whose ends are closed on `exec` from the start (no other thread's spawn inherits them), so only the
/// ends duplicated onto 0, 1 and 2 reach the program.
private final class SpawnPipe {
    private(set) var read: Int32
    private(set) var write: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard evident_pipe_cloexec(&ends) == 0 else {
            throw SubprocessError("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        read = ends[0]
        write = ends[1]
    }

    deinit {
        closeRead()
        closeWrite()
    }

    /// Hands the read end over to a new owner, who closes it.
    func takeRead() -> Int32 {
        defer { read = -1 }
        return read
    }

    /// Hands the write end over to a new owner, who closes it.
    func takeWrite() -> Int32 {
        defer { write = -1 }
        return write
    }

    /// Reads the read end to end of file (for the trampoline's one-line report, written before it exits).
    func readAll() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 256)
        while read >= 0 {
            let count = Glibc.read(read, &buffer, buffer.count)
            if count > 0 {
                data.append(contentsOf: buffer[..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        return data
    }

    func closeRead() {
        if read >= 0 { close(read) }
        read = -1
    }

    func closeWrite() {
        if write >= 0 { close(write) }
        write = -1
    }
}

/// NUL-terminated C strings for `argv` and `envp`, freed with this value.
private final class CStrings {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointers = .allocate(capacity: count + 1)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[count] = nil
    }

    deinit {
        for index in 0..<count { free(pointers[index]) }
        pointers.deallocate()
    }
}

/// Nanoseconds on the monotonic clock.
package func monotonicNanoseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return time.tv_sec * 1_000_000_000 + time.tv_nsec
}
