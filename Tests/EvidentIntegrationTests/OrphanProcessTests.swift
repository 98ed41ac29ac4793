import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// An experiment that starts `setsid sleep … &` leaves a process in a session of its own, out of reach of its
/// process group. Whether the experiment exits, dies of a signal, runs past its time-out or the build is
/// interrupted, that process ends with the experiment: nothing outlives the build.
final class OrphanProcessTests: XCTestCase {
    /// A site whose one directive runs an experiment that starts `setsid sleep <marker> &` (or what `start` says),
    /// then does `then`.
    private func makeSite(
        marker: String, start: String? = nil, then: String, timeout: String = "60s"
    ) throws -> FixtureSite {
        let site = try FixtureSite("sites/basic")
        try site.write(
            "content/orphan/index.md",
            "---\ntitle: Orphans\ndate: 2026-01-07\n---\n\n```bench\nid: orphan\ntitle: Orphans\n"
                + "experiment: experiments/orphan.py\nvariants: [a]\nsamples: 1\ntimeout: \(timeout)\n```\n")
        try site.write(
            "content/orphan/experiments/orphan.py",
            """
            import os
            import signal
            import sys
            import time

            import subprocess

            \(start ?? Self.setsid(marker))
            \(then)

            """)
        addTeardownBlock {
            for pid in EvidentCLI.processes(mentioning: "sleep \(marker)") { kill(pid, SIGKILL) }
            site.remove()
        }
        return site
    }

    private static let printSample = #"print('{"metric": "wall_ns", "value": 1000}')"#

    /// Python that runs `setsid sleep <marker> &` and waits until the sleep is in its session (it writes its pid
    /// to `escaped.pid` then), so that no test depends on how fast it gets there.
    private static func setsid(_ marker: String) -> String {
        #"os.system("setsid sh -c 'echo $$ > escaped.tmp && mv escaped.tmp escaped.pid; exec sleep \#(marker)' &")"#
            + "\nwhile not os.path.exists('escaped.pid'):\n    time.sleep(0.01)"
    }

    /// Whether no process `sleep <marker>` is left (within a few seconds, for the kernel to finish killing).
    private func noneLeft(_ marker: String) -> Bool {
        EvidentCLI.waitUntil(3) { EvidentCLI.processes(mentioning: "sleep \(marker)").isEmpty }
    }

    func testADescendantInASessionOfItsOwnEndsWhenTheExperimentExits() throws {
        let site = try makeSite(marker: "61.01", then: Self.printSample)
        let run = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(noneLeft("61.01"), "setsid sleep 61.01 outlived the build")
    }

    func testADescendantInAProcessGroupOfItsOwnEndsWhenTheExperimentExits() throws {
        // Still in evident's session, so only the experiment's subreaper, evident-spawn, knows it for an orphan.
        let start = #"subprocess.Popen(["sleep", "61.05"], process_group=0)"#
        let site = try makeSite(marker: "61.05", start: start, then: Self.printSample)
        let run = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(noneLeft("61.05"), "sleep 61.05 in a group of its own outlived the build")
    }

    func testADescendantInASessionOfItsOwnEndsWhenTheExperimentDiesOfASignal() throws {
        let site = try makeSite(marker: "61.02", then: "os.kill(os.getpid(), signal.SIGKILL)")
        let run = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("signal"), run.stderr)
        XCTAssertTrue(noneLeft("61.02"), "setsid sleep 61.02 outlived the build")
    }

    func testADescendantInASessionOfItsOwnEndsAtTheTimeOut() throws {
        let site = try makeSite(marker: "61.03", then: "time.sleep(60)", timeout: "1s")
        let run = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("ran past its time-out of 1 s"), run.stderr)
        XCTAssertTrue(noneLeft("61.03"), "setsid sleep 61.03 outlived the build")
    }

    func testADescendantInASessionOfItsOwnEndsWhenTheBuildIsInterrupted() throws {
        let site = try makeSite(marker: "61.04", then: "time.sleep(60)")
        let (process, _, _) = try EvidentCLI.start(["build", "--site", site.folder.path, "--quiet"])
        let escaped = site.folder.appendingPathComponent("content/orphan/experiments/escaped.pid").path
        XCTAssertTrue(
            EvidentCLI.waitUntil(20) { FileManager.default.fileExists(atPath: escaped) },
            "the experiment never started its sleep")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertTrue(noneLeft("61.04"), "setsid sleep 61.04 outlived the interrupted build")
    }
}
