import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentEvidence

/// The resource limits hold: the stdout cap stops an experiment printing 100 MB, the time-out kills a hanging one,
/// and the budget stops an `auto` directive that cannot reach its precision.
final class ExperimentLimitsTests: XCTestCase {
    private func failingBuild(_ name: String) throws -> EvidentCLI.Run {
        let site = try makeSite("invalid/\(name)")
        let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(EvidentCLI.processes(mentioning: site.folder.path), [])
        return result
    }

    func testOutputCapStopsAHundredMegabyteExperimentEarly() throws {
        let result = try failingBuild("experiment-floods")
        XCTAssertTrue(result.stderr.contains("printed more than 16 MiB on stdout"), result.stderr)
        XCTAssertLessThan(result.seconds, 8, "stopped at the cap, not after 100 MB")
    }

    func testTimeoutKillsAHangingExperimentNearItsLimit() throws {
        let result = try failingBuild("experiment-hangs")
        XCTAssertTrue(result.stderr.contains("ran past its time-out of 1 s and was killed"), result.stderr)
        XCTAssertGreaterThan(result.seconds, 1)
        XCTAssertLessThan(result.seconds, 8, "killed at its 1 s time-out, not after the experiment's 600 s")
    }

    func testBudgetStopsAnAutoDirectiveThatCannotConverge() throws {
        let site = try makeSite("sites/basic")
        try site.write(
            "content/noisy/index.md",
            """
            ---
            title: Noisy
            date: 2026-01-06
            ---

            ```bench
            id: noisy
            title: Too noisy to converge
            experiment: experiments/noisy.py
            variants: [a, b]
            samples: auto
            precision: 0.1%
            min_samples: 6
            budget: 2s
            ```

            """)
        try site.write(
            "content/noisy/experiments/noisy.py",
            """
            import random
            import time

            from evident_bench import Bench

            bench = Bench()


            @bench.variant("a")
            def a():
                time.sleep(random.expovariate(1000))


            @bench.variant("b")
            def b():
                time.sleep(random.expovariate(500))


            if __name__ == "__main__":
                bench.main()

            """)
        let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let record = try XCTUnwrap(
            try EvidenceStore(essayFolder: site.folder.appendingPathComponent("content/noisy")).load(id: "noisy"))
        XCTAssertEqual(record.stoppedBy, .budget)
        XCTAssertLessThanOrEqual(record.durationS, 2.5, "measuring stops near its 2 s budget")
        XCTAssertGreaterThan(record.durationS, 1.0, "and uses most of it")
        XCTAssertLessThan(result.seconds, 8)
        XCTAssertTrue(try site.read("public/noisy/index.html").contains("budget"), "the page says why it stopped")
    }
}
