import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentEvidence

/// A build killed at any point loses nothing: each stored evidence file is its old bytes or a complete new record,
/// and the output is the old site or the new one, never a mix. An interrupted build takes its experiments with it.
final class InterruptedBuildTests: XCTestCase {
    private let ids = ["one", "two", "three"]

    /// When to kill each build, as a fraction of a whole build's time: `make test-slow` draws 20 seeded random
    /// points between 0.3 and 1.8 times it; `make test` takes five points spread from 0.2 to 1.16 times it. Both
    /// end with one once the build has ended: a killed build can be slower than the timed one (a loaded machine,
    /// a restored site), and then every kill may land before its commit.
    private func killPoints() -> [Double] {
        guard TestScale.slow else { return (0..<5).map { 0.2 + 0.24 * Double($0) } + [60] }
        var random = SplitMix64(seed: 20_261_125)
        return (0..<20).map { _ in 0.3 + 1.5 * Double(random.next(below: 1000)) / 1000 } + [60]
    }

    /// A site whose three directives each take a few tenths of a second to measure (commands timed as processes).
    private func slowSite() throws -> FixtureSite {
        let site = try makeSite("sites/basic")
        var essay = "---\ntitle: Slow\ndate: 2026-01-03\n---\n\nThree directives.\n\n"
        for id in ids {
            essay += "```bench\nid: \(id)\ntitle: Directive \(id)\ncommands:\n  a: sleep 0.01\n  b: sleep 0.03\n"
            essay += "samples: 3\nwarmup: 1\n```\n\nThe `=\(id).b.ratio` ratio.\n\n"
        }
        try site.write("content/slow/index.md", essay)
        return site
    }

    func testBuildsKilledAtAnyPointLoseNothing() throws {
        let site = try slowSite()
        let arguments = ["build", "--site", site.folder.path, "--quiet"]
        XCTAssertEqual(try EvidentCLI.run(arguments).status, 0)
        let oldEvidence = site.snapshot("content/slow/evidence")
        let oldOutput = site.snapshot("public")
        XCTAssertEqual(oldEvidence.count, ids.count)
        let full = try EvidentCLI.run(arguments + ["--refresh"])
        XCTAssertEqual(full.status, 0, full.stderr)
        let newFiles = Set(site.snapshot("public").keys)

        var outcomes: [String: Int] = [:]
        for (run, point) in killPoints().enumerated() {
            try restore(site, evidence: oldEvidence, output: oldOutput)
            let delay = point * full.seconds
            let (process, _, _) = try EvidentCLI.start(arguments + ["--refresh"])
            EvidentCLI.waitUntil(delay) { !process.isRunning }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            var newRecords = 0
            for id in ids {
                let bytes = site.snapshot("content/slow/evidence")["\(id).json"]
                if bytes == oldEvidence["\(id).json"] { continue }
                let record = try EvidenceStore(essayFolder: site.folder.appendingPathComponent("content/slow"))
                    .load(id: id)
                XCTAssertNotNil(record, "run \(run): \(id).json is neither the old file nor a record")
                newRecords += 1
            }
            let output = site.snapshot("public")
            if output == oldOutput {
                outcomes["old site, \(newRecords) new records", default: 0] += 1
            } else {
                XCTAssertEqual(Set(output.keys), newFiles, "run \(run): the output is a mix")
                XCTAssertEqual(newRecords, ids.count, "run \(run): a new site from old evidence")
                for id in ids {
                    XCTAssertEqual(
                        output["slow/\(id).json"], site.snapshot("content/slow/evidence")["\(id).json"],
                        "run \(run): the page of \(id) is not from its stored evidence")
                }
                outcomes["new site", default: 0] += 1
            }
            let next = try EvidentCLI.run(arguments)
            XCTAssertEqual(next.status, 0, "run \(run): the build after the kill: \(next.stderr)")
            let beside = try FileManager.default.contentsOfDirectory(atPath: site.folder.path)
            XCTAssertEqual(beside.filter { $0.contains("evident-staging") }, [], "run \(run)")
        }
        print("kills: \(outcomes), a whole build \(full.seconds) s")
        XCTAssertGreaterThanOrEqual(outcomes.count, 2, "the kills should land in different steps: \(outcomes)")
        XCTAssertTrue(EvidentCLI.waitUntil(5) { EvidentCLI.processes(mentioning: site.folder.path).isEmpty })
    }

    func testInterruptDuringAMeasurementEndsTheExperimentsProcessGroup() throws {
        let site = try slowSite()
        try site.write(
            "content/slow/index.md",
            "---\ntitle: Slow\ndate: 2026-01-03\n---\n\n```bench\nid: hang\ntitle: Hangs\n"
                + "experiment: experiments/slow.py\nvariants: [a]\ntimeout: 300s\n```\n")
        try site.write(
            "content/slow/experiments/slow.py",
            "import subprocess\nimport time\n\nsubprocess.Popen([\"sleep\", \"120\"])\ntime.sleep(120)\n")
        let experiment = site.folder.appendingPathComponent("content/slow/experiments/slow.py").path
        let (process, _, _) = try EvidentCLI.start(["build", "--site", site.folder.path, "--quiet"])
        var pid: pid_t = 0
        XCTAssertTrue(
            EvidentCLI.waitUntil(20) {
                pid = EvidentCLI.processes(mentioning: experiment).first ?? 0
                return pid != 0 && EvidentCLI.processes(mentioning: "sleep 120").count > 0
            }, "the experiment never started")
        let group = getpgid(pid)
        XCTAssertEqual(group, pid, "the experiment leads its own process group")

        kill(process.processIdentifier, SIGINT)
        XCTAssertTrue(EvidentCLI.waitUntil(10) { !process.isRunning }, "evident did not stop on SIGINT")
        process.waitUntilExit()

        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 130)
        // The killed experiments may be handed to this test process to reap (it is a subreaper once it has run an
        // experiment itself); reaping them is what lets `kill(-group, 0)` report the group gone.
        let gone = EvidentCLI.waitUntil(5) {
            while waitpid(-group, nil, WNOHANG) > 0 {}
            return kill(-group, 0) == -1 && errno == ESRCH
        }
        XCTAssertTrue(gone, "the experiment's group lives on")
        XCTAssertEqual(EvidentCLI.processes(mentioning: site.folder.path), [])
        XCTAssertFalse(site.exists("content/slow/evidence"), "nothing was stored")
        XCTAssertFalse(site.exists("public"), "nothing was published")
    }

    private func restore(_ site: FixtureSite, evidence: [String: Data], output: [String: Data]) throws {
        try? FileManager.default.removeItem(at: site.output)
        for (path, data) in output {
            let url = site.output.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let folder = site.folder.appendingPathComponent("content/slow/evidence")
        for (name, data) in evidence { try data.write(to: folder.appendingPathComponent(name)) }
    }
}
