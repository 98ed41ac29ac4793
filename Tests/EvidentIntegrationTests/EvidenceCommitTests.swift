import EvidentTestSupport
import Foundation
import XCTest

/// A failed build leaves every stored evidence file exactly as it was: new evidence is staged beside its file and
/// put in place together with the output, after every other step succeeded; an interrupt leaves no staged file or
/// staging folder behind (real `evident` processes).
final class EvidenceCommitTests: XCTestCase {
    /// Two essays, `a` (the newer, measured first) and `b`, each with one quick directive timed as processes, and
    /// nothing else: every page is written after the measurements.
    private func twoEssaySite() throws -> FixtureSite {
        let site = try makeSite("sites/basic")
        for slug in ["first-essay", "second-essay", "a-draft"] {
            try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/\(slug)"))
        }
        for (slug, day) in [("a", 3), ("b", 2)] {
            try site.write(
                "content/\(slug)/index.md",
                "---\ntitle: Essay \(slug)\ndate: 2026-01-0\(day)\n---\n\n```bench\nid: \(slug)\ntitle: Sleeps\n"
                    + "commands:\n  short: sleep 0.01\n  long: sleep 0.02\nsamples: 3\nwarmup: 1\n```\n")
        }
        return site
    }

    /// The stored evidence files of both essays (and nothing else in their folders).
    private func stored(_ site: FixtureSite) -> [String: Data] {
        site.snapshot("content/a/evidence").merging(site.snapshot("content/b/evidence")) { first, _ in first }
            .filter { $0.key.hasSuffix(".json") && !$0.key.hasPrefix(".") }
    }

    func testASaveThatFailsForTheSecondEssayChangesNoStoredEvidence() throws {
        let site = try twoEssaySite()
        let arguments = ["build", "--site", site.folder.path, "--quiet"]
        XCTAssertEqual(try EvidentCLI.run(arguments).status, 0)
        let evidence = stored(site)
        let output = site.snapshot("public")
        XCTAssertEqual(evidence.count, 2)
        // A folder where `b`'s staged file must go: its save fails, as on a read-only or full disk.
        try site.write("content/b/evidence/.b.json.tmp/blocker", "")

        let result = try EvidentCLI.run(arguments + ["--refresh"])

        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.contains("error: content/b/evidence/b.json: cannot store the evidence"), result.stderr)
        XCTAssertTrue(
            result.stderr.hasPrefix("warning: the build failed, so the new evidence of `a` was not stored"),
            result.stderr)
        XCTAssertEqual(stored(site), evidence, "a stored evidence file changed")
        XCTAssertEqual(site.snapshot("public"), output)
        XCTAssertFalse(site.exists("content/a/evidence/.a.json.tmp"))
    }

    /// A disk that fills up while the pages are written, after both directives were measured (a small tmpfs under
    /// the output, mounted in a private mount namespace: no root needed, no mount left behind).
    func testAFailureAfterMeasuringChangesNoStoredEvidence() throws {
        let site = try twoEssaySite()
        let output = site.folder.appendingPathComponent("out/public")
        let arguments = ["build", "--site", site.folder.path, "--quiet", "--output", output.path]
        XCTAssertEqual(try EvidentCLI.run(arguments).status, 0)
        let evidence = stored(site)
        try FileManager.default.removeItem(at: output.deletingLastPathComponent())
        try FileManager.default.createDirectory(
            at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let script = #"folder=$1; shift; mount -t tmpfs -o size=4k tmpfs "$folder" && exec "$@""#
        let result = try EvidentCLI.inMountNamespace(
            script, [output.deletingLastPathComponent().path, EvidentCLI.binary.path] + arguments + ["--refresh"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("No space left on device"), result.stderr)
        XCTAssertTrue(result.stderr.contains("the new evidence of `a`, `b` was not stored"), result.stderr)
        XCTAssertEqual(stored(site), evidence, "a stored evidence file changed")
        XCTAssertEqual(FixtureSite.leftovers(in: site.folder), [])
    }

    func testAnInterruptedRefreshLeavesNoStagingFolderNorStagedEvidence() throws {
        let site = try twoEssaySite()
        try site.write(
            "content/b/index.md",
            "---\ntitle: Essay b\ndate: 2026-01-02\n---\n\n```bench\nid: b\ntitle: Hangs\n"
                + "experiment: experiments/slow.py\nvariants: [x]\ntimeout: 300s\n```\n")
        try site.write("content/b/experiments/slow.py", "import time\n\ntime.sleep(120)\n")
        let (process, _, _) = try EvidentCLI.start(["build", "--site", site.folder.path, "--refresh"])
        let experiment = site.folder.appendingPathComponent("content/b/experiments/slow.py").path
        XCTAssertTrue(
            EvidentCLI.waitUntil(30) { !EvidentCLI.processes(mentioning: experiment).isEmpty },
            "the experiment never started")
        XCTAssertTrue(site.exists("content/a/evidence/.a.json.tmp"), "`a` was measured and staged first")
        XCTAssertFalse(FixtureSite.leftovers(in: site.folder).filter { $0.contains("evident-staging") }.isEmpty)

        kill(process.processIdentifier, SIGINT)
        XCTAssertTrue(EvidentCLI.waitUntil(10) { !process.isRunning }, "evident did not stop on SIGINT")
        process.waitUntilExit()

        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertEqual(FixtureSite.leftovers(in: site.folder), [])
        XCTAssertFalse(site.exists("content/a/evidence/a.json"), "nothing was stored")
        XCTAssertFalse(site.exists("public"))
        XCTAssertTrue(EvidentCLI.waitUntil(5) { EvidentCLI.processes(mentioning: experiment).isEmpty })
    }
}

extension EvidenceCommitTests {
    func testAStagedFileChangedDuringTheBuildIsNotStored() throws {
        let site = try twoEssaySite()
        // `b` is measured after `a`, and its command appends to `a`'s staged file.
        try site.write(
            "content/b/index.md",
            "---\ntitle: Essay b\ndate: 2026-01-02\n---\n\n```bench\nid: b\ntitle: Edits\ncommands:\n"
                + "  short: sh -c 'echo 1 >> ../a/evidence/.a.json.tmp'\n  long: sleep 0.01\nsamples: 3\nwarmup: 1\n```\n"
        )
        let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("the new evidence of `a` changed on disk between measuring and storing it"),
            result.stderr)
        XCTAssertEqual(stored(site), [:])
        XCTAssertFalse(site.exists("public"))
    }

    func testASourceAnExperimentRewritesDuringTheBuildIsRefused() throws {
        let site = try twoEssaySite()
        try site.write(
            "content/a/experiments/x.py",
            "from evident_bench import Bench\n\nbench = Bench()\n\n\n@bench.variant(\"a\")\ndef a():\n"
                + "    open(__file__, \"a\").write(\"# touched\\n\")\n\n\nif __name__ == \"__main__\":\n    bench.main()\n"
        )
        try site.write(
            "content/a/index.md",
            "---\ntitle: Essay a\ndate: 2026-01-03\n---\n\n```bench\nid: a\ntitle: Rewrites\n"
                + "experiment: experiments/x.py\nvariants: [a]\nsamples: 3\nwarmup: 1\n```\n")
        let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("content/a/index.md:6: the files `a` runs changed during the build"), result.stderr)
        XCTAssertEqual(stored(site), [:])
    }
}
