import EvidentSystem
import Foundation
import Glibc
import XCTest

@testable import EvidentEvidence

final class RunnerSignalTests: XCTestCase {
    /// Set in the environment of the copy of this test binary that `testSIGINTKillsTheRunningExperimentAndExits130`
    /// starts: the folder where that copy reports its pid and its experiment's process group.
    private static let childVariable = "EVIDENT_RUNNER_SIGNAL_CHILD"
    /// Shell words that write the shell's process group (field 5 of /proc/PID/stat) to the file `group`.
    private static let writeGroup = "cut -d' ' -f5 /proc/$$/stat > group.tmp && mv group.tmp group"

    func testKillingTheRegisteredGroupsEndsARunningExperiment() throws {
        let folder = try temporaryFolder()
        let subprocess = Subprocess(
            ["/bin/sh", "-c", "sleep 60 & \(Self.writeGroup); wait"],
            environment: Subprocess.cleanEnvironment(), workingDirectory: folder, timeout: .seconds(30))
        let finished = expectation(description: "the experiment returns")
        nonisolated(unsafe) var result: ProcessResult?
        Thread.detachNewThread {
            result = try? subprocess.run()
            finished.fulfill()
        }
        let group = try XCTUnwrap(waitForNumber(in: folder + "/group"))
        SignalForwarding.killRegisteredGroups()
        wait(for: [finished], timeout: 5)
        XCTAssertEqual(result?.termination, .signaled(SIGKILL))
        XCTAssertEqual(result?.timedOut, false)
        XCTAssertEqual(kill(-group, 0), -1)
        XCTAssertEqual(errno, ESRCH)
    }

    func testSIGINTKillsTheRunningExperimentAndExits130() throws {
        let folder = try temporaryFolder()
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let child = Subprocess(
            [testBinary, "\(String(reflecting: Self.self))/testChildRunsAnExperimentUntilInterrupted"],
            environment: Subprocess.cleanEnvironment(adding: [Self.childVariable: folder]), timeout: .seconds(60))
        let finished = expectation(description: "the interrupted child exits")
        nonisolated(unsafe) var result: ProcessResult?
        Thread.detachNewThread {
            result = try? child.run()
            finished.fulfill()
        }
        let group = try XCTUnwrap(waitForNumber(in: folder + "/group"))
        let escaped = try XCTUnwrap(waitForNumber(in: folder + "/escaped"))
        let childPid = try XCTUnwrap(waitForNumber(in: folder + "/pid"))
        kill(childPid, SIGINT)
        wait(for: [finished], timeout: 10)
        XCTAssertEqual(result?.termination, .exited(130), result?.stderrText ?? "")
        // The interrupted child reaped its experiment's group, then killed what the experiment had started in a
        // session of its own, before it exited.
        XCTAssertEqual(kill(-group, 0), -1, "the experiment's group lives on")
        XCTAssertEqual(errno, ESRCH)
        XCTAssertEqual(kill(escaped, 0), -1, "the descendant in a session of its own lives on")
        XCTAssertEqual(errno, ESRCH)
    }

    /// The child's part of the test above; does nothing in an ordinary test run.
    func testChildRunsAnExperimentUntilInterrupted() throws {
        guard let folder = ProcessInfo.processInfo.environment[Self.childVariable] else { return }
        try "\(getpid())".write(toFile: folder + "/pid", atomically: true, encoding: .utf8)
        _ = try Subprocess(
            [
                "/bin/sh", "-c",
                "setsid sh -c 'echo $$ > escaped.tmp && mv escaped.tmp escaped; exec sleep 60' & "
                    + "\(Self.writeGroup); exec sleep 60",
            ],
            environment: Subprocess.cleanEnvironment(), workingDirectory: folder, timeout: .seconds(30)
        ).run()
        XCTFail("the signal handler should have ended this process")
    }

    private func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-signal-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    /// The number in the file at `path`, once it appears (within 10 s).
    private func waitForNumber(in path: String) -> pid_t? {
        for _ in 0..<1000 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), let number = pid_t(text.trimmed) {
                return number
            }
            usleep(10_000)
        }
        return nil
    }
}
