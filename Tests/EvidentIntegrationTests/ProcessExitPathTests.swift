import EvidentTestSupport
import Foundation
import XCTest

/// Whatever an experiment starts ends with the build on every exit path: a time-out, the output cap, `SIGINT`,
/// `SIGTERM` and `SIGHUP` (a closed terminal), including a process that moved to a process group of its own (still in
/// evident's session) or to a session of its own, and one started by such a process. So does a Swift compile
/// interrupted by Ctrl-C, which leaves neither a `swift-frontend` nor its build folder; and a build folder that a
/// killed build left behind is removed by the next build.
final class ProcessExitPathTests: XCTestCase {
    /// A site whose one directive runs an experiment that starts a process group of its own (`sh` running `sleep
    /// <marker>` in the background, then becoming `sleep <marker>`) and a session of its own (`sleep <marker>`),
    /// writes their pids to `children.pid`, then does `then`.
    private func makeSite(marker: String, then: String, timeout: String = "60s") throws -> FixtureSite {
        let site = try FixtureSite("sites/basic")
        try site.write(
            "content/exits/index.md",
            "---\ntitle: Exits\ndate: 2026-01-07\n---\n\n```bench\nid: exits\ntitle: Exits\n"
                + "experiment: experiments/exits.py\nvariants: [a]\nsamples: 1\ntimeout: \(timeout)\n```\n")
        try site.write(
            "content/exits/experiments/exits.py",
            """
            import os
            import subprocess
            import sys
            import time

            group = subprocess.Popen(["sh", "-c", "sleep \(marker) & exec sleep \(marker)"], process_group=0)
            session = subprocess.Popen(["sleep", "\(marker)"], start_new_session=True)
            with open("children.tmp", "w") as file:
                file.write(f"{group.pid} {session.pid}")
            os.rename("children.tmp", "children.pid")
            \(then)

            """)
        addTeardownBlock {
            for pid in EvidentCLI.processes(mentioning: "sleep \(marker)") { kill(pid, SIGKILL) }
            site.remove()
        }
        return site
    }

    /// The pids the experiment wrote, once it has written them (within 20 s).
    private func children(of site: FixtureSite) -> [pid_t] {
        let path = site.folder.appendingPathComponent("content/exits/experiments/children.pid").path
        var pids: [pid_t] = []
        EvidentCLI.waitUntil(20) {
            pids = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: " ").compactMap {
                pid_t($0)
            }
            return pids.count == 2
        }
        return pids
    }

    /// Whether every `sleep <marker>` is gone, the recorded pids first (within a few seconds, for the kernel).
    private func allGone(_ pids: [pid_t], marker: String) -> Bool {
        EvidentCLI.waitUntil(3) {
            pids.allSatisfy { !Self.commandLine(of: $0).contains("sleep \(marker)") }
                && EvidentCLI.processes(mentioning: "sleep \(marker)").isEmpty
        }
    }

    /// The command line of process `pid`, words joined by spaces; empty once it is gone.
    private static func commandLine(of pid: pid_t) -> String {
        let bytes = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
        return String(decoding: bytes.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
    }

    func testProcessesInGroupsAndSessionsOfTheirOwnEndAtTheTimeOut() throws {
        let site = try makeSite(marker: "171.01", then: "time.sleep(60)", timeout: "2s")
        let run = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("ran past its time-out of 2 s"), run.stderr)
        let pids = children(of: site)
        XCTAssertEqual(pids.count, 2, "the experiment never started its children")
        XCTAssertTrue(allGone(pids, marker: "171.01"), "a child outlived the time-out")
    }

    func testProcessesInGroupsAndSessionsOfTheirOwnEndAtTheOutputCap() throws {
        let site = try makeSite(
            marker: "171.02", then: "sys.stdout.write('x' * (17 << 20))\nsys.stdout.flush()\ntime.sleep(60)")
        let run = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("printed more than 16 MiB on stdout"), run.stderr)
        let pids = children(of: site)
        XCTAssertEqual(pids.count, 2, "the experiment never started its children")
        XCTAssertTrue(allGone(pids, marker: "171.02"), "a child outlived the output cap")
    }

    func testProcessesInGroupsAndSessionsOfTheirOwnEndOnSIGINT() throws {
        try checkEnded(by: SIGINT, marker: "171.03")
    }

    func testProcessesInGroupsAndSessionsOfTheirOwnEndOnSIGTERM() throws {
        try checkEnded(by: SIGTERM, marker: "171.04")
    }

    func testProcessesInGroupsAndSessionsOfTheirOwnEndOnSIGHUP() throws {
        try checkEnded(by: SIGHUP, marker: "171.05")
    }

    /// Sends `signal` to a build once its experiment has started its children: the build exits with 128 + the
    /// signal, and no child is left.
    private func checkEnded(by signal: Int32, marker: String) throws {
        let site = try makeSite(marker: marker, then: "time.sleep(60)")
        let (process, _, _) = try EvidentCLI.start(["build", "--site", site.folder.path, "--quiet"])
        let pids = children(of: site)
        XCTAssertEqual(pids.count, 2, "the experiment never started its children")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 128 + signal)
        XCTAssertTrue(allGone(pids, marker: marker), "a child outlived evident")
    }
}
