import CEvidentSystem
import Foundation
import Glibc

/// A spawned program being watched: one `poll` loop feeds its stdin, reads its stdout and stderr, notices its
/// exit through a pidfd, stops it at the time-out and at the output cap, and kills its process group after it
/// exits.
///
/// Through `evident-spawn`, stopping is a `SIGTERM` to the trampoline, which kills the program and then every
/// process the program left (the trampoline is its subreaper, so those are its children, whatever group or session
/// they moved to); a trampoline that has not exited a few seconds later is killed with its group. Without the
/// trampoline, stopping kills the group.
///
/// Then it ends whatever the program left in sessions of their own (`setsid`) that evident, a child subreaper,
/// adopted: when the trampoline was killed outright, or is missing. Only children in another session than evident's
/// are ended here: every program evident starts stays in its session, so another one running at the same time is
/// never touched. What is left in evident's session ends with evident (`SignalForwarding`).
struct RunningProcess {
    /// After the program exits and its group is killed, how long to wait for the pipes to reach end of file
    /// (they stay open only if a descendant left the group).
    private static let drainGrace = 200_000_000
    /// How long the trampoline may take to stop the program and end what it left before its group is killed.
    private static let stopGrace = 3_000_000_000

    private let group: pid_t
    /// Whether `group` is the trampoline `evident-spawn`, which stops the program on `SIGTERM`.
    private let trampolined: Bool
    private let start: Int
    private var descriptors: Descriptors
    private let limits: (stdout: Int, stderrTail: Int)
    private var output = Data()
    private var errorTail = Data()
    private var errorTailCut = false
    private var timedOut = false
    private var outputCapped = false
    /// When the trampoline, asked to stop, is killed with its group if it has not exited.
    private var stopDeadline: Int?
    private var exit: (status: Int32, usage: rusage, end: Int)?

    /// What the loop polls, each -1 once closed: evident's ends of the program's pipes and a pidfd of the program.
    struct Descriptors {
        var stdout: Int32
        var stderr: Int32
        /// -1 from the start when the program's stdin is not a pipe.
        var stdin: Int32
        var pidfd: Int32

        /// Closes those still open.
        func closeAll() {
            for fd in [stdout, stderr, stdin, pidfd] where fd >= 0 { close(fd) }
        }
    }

    /// Watches the program `group` (also its process-group id; the trampoline when `trampolined`), started at
    /// `start`, taking over `descriptors`; stdout is cut at `limits.stdout` bytes, and the last
    /// `limits.stderrTail` bytes of stderr are kept.
    init(group: pid_t, trampolined: Bool, start: Int, descriptors: Descriptors, limits: (stdout: Int, stderrTail: Int))
    {
        self.group = group
        self.trampolined = trampolined
        self.start = start
        self.descriptors = descriptors
        self.limits = limits
        if descriptors.stdin >= 0 { _ = fcntl(descriptors.stdin, F_SETFL, O_NONBLOCK) }
    }

    /// Runs the loop, writing `input` to stdin, until the program has exited and its pipes are drained; `timeout` in
    /// nanoseconds.
    mutating func supervise(input: Data, timeout: Int?) -> ProcessResult {
        var input = input
        let deadline = timeout.map { start + $0 }
        var drainDeadline: Int?
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        while exit == nil || descriptors.stdout >= 0 || descriptors.stderr >= 0 {
            let now = monotonicNanoseconds()
            if let deadline, exit == nil, !timedOut, now >= deadline {
                timedOut = true
                stop()
            }
            if let stopDeadline, exit == nil, now >= stopDeadline {
                self.stopDeadline = nil
                kill(-group, SIGKILL)
            }
            if exit != nil && drainDeadline == nil { drainDeadline = now + Self.drainGrace }
            if let drainDeadline, now >= drainDeadline { break }
            let running = exit == nil
            let waitUntil = [running && !timedOut ? deadline : nil, running ? stopDeadline : nil, drainDeadline]
                .compactMap { $0 }.min()
            var fds = [
                pollfd(fd: descriptors.stdout, events: Int16(POLLIN), revents: 0),
                pollfd(fd: descriptors.stderr, events: Int16(POLLIN), revents: 0),
                pollfd(fd: descriptors.stdin, events: Int16(POLLOUT), revents: 0),
                pollfd(fd: exit == nil ? descriptors.pidfd : -1, events: Int16(POLLIN), revents: 0),
            ]
            let milliseconds = waitUntil.map { Int32(clamping: max(0, ($0 - now + 999_999) / 1_000_000)) } ?? -1
            guard poll(&fds, nfds_t(fds.count), milliseconds) > 0 else { continue }
            if fds[3].revents != 0 { reap() }  // first, so that the wall time ends as it exits
            if fds[0].revents != 0 { readStdout(into: buffer) }
            if fds[1].revents != 0 { readStderr(into: buffer) }
            if fds[2].revents != 0 { writeStdin(&input) }
        }
        descriptors.closeAll()
        return result()
    }

    /// Ends the program before its time: asks the trampoline to stop it, or kills its group.
    private mutating func stop() {
        guard trampolined else {
            kill(-group, SIGKILL)
            return
        }
        if stopDeadline == nil {
            kill(group, SIGTERM)
            stopDeadline = monotonicNanoseconds() + Self.stopGrace
        }
    }

    /// The program has exited: note the time, kill what is left of its group, reap it and the rest, then end what
    /// it left in sessions of their own (adopted by evident once the group is reaped), so the pipes close at once.
    private mutating func reap() {
        let end = monotonicNanoseconds()
        kill(-group, SIGKILL)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(group, &status, 0, &usage) < 0 && errno == EINTR {}
        exit = (status, usage, end)
        while waitpid(-group, nil, 0) > 0 || errno == EINTR {}
        _ = evident_end_orphans(1)
        closeFD(&descriptors.stdin)
    }

    private mutating func readStdout(into buffer: UnsafeMutableRawBufferPointer) {
        guard let count = readChunk(&descriptors.stdout, into: buffer) else { return }
        let room = limits.stdout - output.count
        output.append(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: min(count, room))
        if count > room {
            outputCapped = true
            stop()
            closeFD(&descriptors.stdout)
        }
    }

    private mutating func readStderr(into buffer: UnsafeMutableRawBufferPointer) {
        guard let count = readChunk(&descriptors.stderr, into: buffer) else { return }
        errorTail.append(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
        if errorTail.count > 2 * limits.stderrTail {
            errorTail = Data(errorTail.suffix(limits.stderrTail))
            errorTailCut = true
        }
    }

    /// Writes what stdin takes of `input` and drops it from `input`.
    private mutating func writeStdin(_ input: inout Data) {
        let count = input.withUnsafeBytes { write(descriptors.stdin, $0.baseAddress, $0.count) }
        if count > 0 { input.removeFirst(count) }
        if input.isEmpty || (count < 0 && errno != EAGAIN && errno != EINTR) { closeFD(&descriptors.stdin) }
    }

    /// Reads what `fd` has into `buffer`: the byte count, or nil when nothing was read (the end of the output or
    /// an error closes `fd`; an interrupted read leaves it open).
    private func readChunk(_ fd: inout Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        let count = read(fd, buffer.baseAddress, buffer.count)
        guard count > 0 else {
            if count == 0 || errno != EINTR { closeFD(&fd) }
            return nil
        }
        return count
    }

    private func closeFD(_ fd: inout Int32) {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    private func result() -> ProcessResult {
        let (status, usage, end) = exit ?? (0, rusage(), monotonicNanoseconds())
        let termination: ProcessResult.Termination =
            status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
        var tail = errorTail.suffix(limits.stderrTail)
        if errorTailCut || errorTail.count > limits.stderrTail, let newline = tail.firstIndex(of: 10) {
            tail = tail[(newline + 1)...]
        }
        return ProcessResult(
            termination: termination,
            wallNanoseconds: end - start,
            cpuNanoseconds: nanoseconds(usage.ru_utime) + nanoseconds(usage.ru_stime),
            maxRSSBytes: usage.ru_maxrss * 1024,
            stdout: output,
            stderrTail: Data(tail),
            timedOut: timedOut,
            outputCapped: outputCapped)
    }

    private func nanoseconds(_ time: timeval) -> Int {
        time.tv_sec * 1_000_000_000 + time.tv_usec * 1000
    }
}
