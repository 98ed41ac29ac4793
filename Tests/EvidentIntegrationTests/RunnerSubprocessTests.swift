import EvidentSystem
import EvidentTestSupport
import Foundation
import Glibc
import XCTest

@testable import EvidentEvidence

final class RunnerSubprocessTests: XCTestCase {
    private let environment = Subprocess.cleanEnvironment()

    func testCapturesStdoutAndStderrAndExitStatus() throws {
        let result = try Subprocess(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"], environment: environment)
            .run()
        XCTAssertEqual(result.termination, .exited(3))
        XCTAssertFalse(result.succeeded)
        XCTAssertEqual(String(decoding: result.stdout, as: UTF8.self), "out\n")
        XCTAssertEqual(result.stderrText, "err\n")
    }

    func testFindsTheProgramInThePathOfItsEnvironment() throws {
        let result = try Subprocess(["echo", "a b"], environment: environment).run()
        XCTAssertTrue(result.succeeded)
        XCTAssertEqual(String(decoding: result.stdout, as: UTF8.self), "a b\n")
        XCTAssertThrowsError(try Subprocess(["no-such-program-here"], environment: environment).run())
    }

    func testSeesOnlyTheEnvironmentItIsGiven() throws {
        setenv("EVIDENT_RUNNER_LEAK", "leaked", 1)
        defer { unsetenv("EVIDENT_RUNNER_LEAK") }
        let result = try Subprocess(
            ["/usr/bin/env"], environment: Subprocess.cleanEnvironment(adding: ["EXTRA": "1"])
        ).run()
        let names = Set(
            String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map {
                String($0.prefix { $0 != "=" })
            })
        XCTAssertEqual(names, ["PATH", "HOME", "LANG", "EXTRA"])
    }

    func testRunsInItsWorkingDirectoryWithItsStdin() throws {
        let directory = FileManager.default.temporaryDirectory.path
        let result = try Subprocess(
            ["/bin/sh", "-c", "pwd; cat"], environment: environment, workingDirectory: directory,
            input: .bytes(Data("from stdin".utf8))
        ).run()
        let realDirectory = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        XCTAssertEqual(String(decoding: result.stdout, as: UTF8.self), "\(realDirectory)\nfrom stdin")
        let empty = try Subprocess(["/bin/cat"], environment: environment).run()
        XCTAssertEqual(empty.stdout, Data())
        XCTAssertTrue(empty.succeeded)
    }

    func testAPrimedProgramRunsTwiceAndOnlyTheTimedRunIsSeen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-primed-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var process = Subprocess(
            ["/bin/sh", "-c", "echo run >> runs.log; echo out; echo err >&2; cat"], environment: environment,
            workingDirectory: folder.path, input: .bytes(Data("in".utf8)))
        process.primed = true
        let result = try process.run()
        XCTAssertTrue(result.succeeded)
        XCTAssertEqual(
            try String(contentsOf: folder.appendingPathComponent("runs.log"), encoding: .utf8), "run\nrun\n",
            "the unrecorded run comes first")
        XCTAssertEqual(String(decoding: result.stdout, as: UTF8.self), "out\nin", "the timed run has the input")
        XCTAssertEqual(result.stderrText, "err\n")
    }

    func testFeedsLargeInputWhileReadingOutput() throws {
        let input = Data(repeating: 65, count: 1 << 20)
        let result = try Subprocess(["/bin/cat"], environment: environment, input: .bytes(input)).run()
        XCTAssertEqual(result.stdout, input)
    }

    func testKillsTheWholeGroupAtTheTimeout() throws {
        let script = "sleep 60 & echo $$; sleep 60"
        let result = try Subprocess(["/bin/sh", "-c", script], environment: environment, timeout: .milliseconds(300))
            .run()
        XCTAssertTrue(result.timedOut)
        XCTAssertEqual(result.termination, .signaled(SIGKILL))
        XCTAssertGreaterThanOrEqual(result.wallNanoseconds, 300_000_000)
        XCTAssertLessThan(result.wallNanoseconds, 600_000_000)
        let group = try XCTUnwrap(pid_t(String(decoding: result.stdout, as: UTF8.self).trimmed))
        XCTAssertEqual(kill(-group, 0), -1)
        XCTAssertEqual(errno, ESRCH)
    }

    func testCapsHugeOutputQuicklyInBoundedMemory() throws {
        let before = peakResidentBytes()
        let started = Date()
        let result = try Subprocess(
            ["/bin/sh", "-c", "head -c 100000000 /dev/zero"], environment: environment
        ).run()
        XCTAssertTrue(result.outputCapped)
        XCTAssertFalse(result.succeeded)
        XCTAssertEqual(result.stdout.count, 16 << 20)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        XCTAssertLessThan(peakResidentBytes() - before, 60 << 20)
    }

    func testReturnsPromptlyWhenAGrandchildHoldsStdout() throws {
        let started = Date()
        let result = try Subprocess([fixture("forks_grandchild.sh")], environment: environment).run()
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        XCTAssertEqual(result.termination, .exited(0))
        let grandchild = try XCTUnwrap(pid_t(String(decoding: result.stdout, as: UTF8.self).trimmed))
        XCTAssertEqual(kill(grandchild, 0), -1)
        XCTAssertEqual(errno, ESRCH)
    }

    /// Shell words that start `sleep 60` in a session of its own and print its pid once it is there.
    private static let escape =
        "setsid sh -c 'echo $$ > escaped.tmp && mv escaped.tmp escaped; exec sleep 60' & "
        + "while [ ! -s escaped ]; do sleep 0.01; done; cat escaped"

    func testEndsADescendantThatLeftTheGroupWhenTheProgramExits() throws {
        let folder = try temporaryFolder()
        let started = Date()
        let result = try Subprocess(
            ["/bin/sh", "-c", Self.escape], environment: environment, workingDirectory: folder, timeout: .seconds(10)
        ).run()
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        XCTAssertTrue(result.succeeded)
        let escaped = try XCTUnwrap(pid_t(String(decoding: result.stdout, as: UTF8.self).trimmed))
        XCTAssertEqual(kill(escaped, 0), -1, "the descendant in a session of its own outlived the program")
        XCTAssertEqual(errno, ESRCH)
    }

    func testEndsADescendantThatLeftTheGroupAtTheTimeout() throws {
        let folder = try temporaryFolder()
        let result = try Subprocess(
            ["/bin/sh", "-c", Self.escape + "; sleep 60"], environment: environment, workingDirectory: folder,
            timeout: .milliseconds(500)
        ).run()
        XCTAssertTrue(result.timedOut)
        let escaped = try XCTUnwrap(pid_t(String(decoding: result.stdout, as: UTF8.self).trimmed))
        XCTAssertEqual(kill(escaped, 0), -1, "the descendant in a session of its own outlived the time-out")
        XCTAssertEqual(errno, ESRCH)
    }

    private func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-escape-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    func testMeasuresWallAndCPUTime() throws {
        let result = try Subprocess(["sleep", "0.05"], environment: environment).run()
        XCTAssertTrue(result.succeeded)
        XCTAssertGreaterThanOrEqual(result.wallNanoseconds, 50_000_000)
        XCTAssertLessThan(result.wallNanoseconds, 500_000_000)
        XCTAssertLessThan(result.cpuNanoseconds, 20_000_000)
    }

    func testMeasuresPeakMemory() throws {
        let result = try Subprocess([python3(), fixture("allocates.py")], environment: environment).run()
        XCTAssertTrue(result.succeeded, result.stderrText)
        XCTAssertGreaterThanOrEqual(result.maxRSSBytes, 50 << 20)
        XCTAssertLessThan(result.maxRSSBytes, 200 << 20)
    }

    func testKeepsOnlyTheTailOfStderr() throws {
        let script = "i=0; while [ $i -lt 2000 ]; do echo line $i >&2; i=$((i+1)); done"
        let result = try Subprocess(["/bin/sh", "-c", script], environment: environment).run()
        XCTAssertLessThanOrEqual(result.stderrTail.count, 4096)
        XCTAssertTrue(result.stderrText.hasPrefix("line "))
        XCTAssertTrue(result.stderrText.hasSuffix("line 1999\n"))
    }

    private func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }
}

/// The path of a file in `Tests/Fixtures/runner/`.
func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/runner/\(name)").path
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
