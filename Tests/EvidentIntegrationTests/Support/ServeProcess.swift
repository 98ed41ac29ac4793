import EvidentTestSupport
import Foundation
import Glibc
import XCTest

/// `evident serve` as a process of its own on a copy of a fixture site, for what a test must see from outside:
/// its open file descriptors and CPU time in /proc, signals, a lower limit of open files. It is started through
/// `/bin/sh` (`ulimit -n`, then `exec`, so the pid is the server's) with its output in files read while it runs.
final class ServeProcess {
    let site: FixtureSite
    let port: Int
    private let process = Process()
    private let logs: URL

    /// Copies the fixture, lets `prepare` change the copy, starts the server (with `arguments` after the site and
    /// port) and waits until it listens.
    init(
        _ fixture: String = "sites/basic", openFiles: Int? = nil, arguments: [String] = [],
        prepare: (FixtureSite) throws -> Void = { _ in }
    ) throws {
        let binary = try EvidentCLI.binary
        site = try FixtureSite(fixture)
        try prepare(site)
        port = try RawHTTP.freePort()
        logs = site.folder.appendingPathComponent(".evident-cache/serve-test", isDirectory: true)
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let limit = openFiles.map { "ulimit -n \($0) && " } ?? ""
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments =
            [
                "-c", "\(limit)exec \"$0\" \"$@\" >\"$OUT\" 2>\"$ERR\"", binary.path, "serve", "--site",
                site.folder.path, "--port", String(port),
            ] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging([
            "OUT": logs.appendingPathComponent("stdout").path, "ERR": logs.appendingPathComponent("stderr").path,
        ]) { _, new in new }
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !output("stdout").contains("serving http://") {
            guard process.isRunning, Date() < deadline else {
                throw RawHTTP.Failure(description: "serve did not start: \(output("stderr"))")
            }
            usleep(20_000)
        }
    }

    deinit {
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        site.remove()
    }

    var pid: pid_t { process.processIdentifier }

    /// What the server has printed so far on stdout or stderr.
    func output(_ stream: String) -> String {
        (try? String(contentsOf: logs.appendingPathComponent(stream), encoding: .utf8)) ?? ""
    }

    /// How many file descriptors the server has open.
    var openDescriptors: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? 0
    }

    /// The server's user + system CPU time so far, in seconds.
    var cpuSeconds: Double {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let fields = stat[(stat.lastIndex(of: ")") ?? stat.startIndex)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[12]), let system = Double(fields[13]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Sends `signal` and waits up to `timeout` seconds for the server to exit; its exit status, nil if it did not.
    func stop(with signal: Int32, timeout: Double) -> Int32? {
        kill(pid, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Polls `condition` every 50 ms for up to `timeout` seconds; whether it became true.
    static func eventually(within timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { return false }
            usleep(50_000)
        }
        return true
    }
}
