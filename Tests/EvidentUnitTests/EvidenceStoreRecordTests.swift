import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// Records made from a synthetic measurement, and claims judged again from what is stored.
final class EvidenceStoreRecordTests: XCTestCase {
    private var essay: DirectiveEssay!
    private var bench: BenchDirective!
    private let environment = MachineEnvironment(cpu: "CPU", cores: 2, os: "OS, kernel 6", python: "3.11.7")
    private let startedAt = Date(timeIntervalSince1970: 1_800_000_000)

    override func setUpWithError() throws {
        essay = try DirectiveEssay()
        bench = try essay.bench(
            """
            id: await-loop
            title: Awaits
            experiment: experiments/await_loop.py
            variants: [sync, gather, threads]
            baseline: sync
            params: {n: [10, 100]}
            metric: [wall_ns, max_rss_bytes]
            """)
    }

    /// Forty values spread evenly within ±1% of `center`.
    private func around(_ center: Double) -> [Double] {
        (0..<40).map { center * (0.99 + 0.02 * Double($0) / 39) }
    }

    private func measurement() -> BenchMeasurement {
        var series: [BenchMeasurement.Series] = []
        for (variant, factor) in [("sync", 1.0), ("gather", 0.1), ("threads", 0.5)] {
            for n in [10.0, 100.0] {
                let params = ["n": String(Int(n))]
                series.append(
                    BenchMeasurement.Series(
                        variant: variant, params: params, metric: "wall_ns", samples: around(n * factor)))
                series.append(
                    BenchMeasurement.Series(
                        variant: variant, params: params, metric: "max_rss_bytes", samples: around(1e6)))
            }
        }
        return BenchMeasurement(series: series.reversed(), stoppedBy: .budget, startedAt: startedAt, seconds: 12.5)
    }

    private func claims(_ texts: [String]) throws -> [Claim] {
        try texts.map {
            try Claim.parse(
                $0, variants: ["sync", "gather", "threads"], params: ["n": ["10", "100"]],
                metrics: ["wall_ns", "max_rss_bytes"], location: SourceLocation(file: "content/x/index.md", line: 9))
        }
    }

    private func make(claims: [Claim] = [], previous: EvidenceRecord? = nil) -> EvidenceRecord {
        EvidenceRecord.make(
            bench: bench, claims: claims, measurement: measurement(), key: "k", environment: environment,
            previous: previous)
    }

    func testCellsFollowVariantsThenCellsWithSummariesAndSamples() {
        let record = make()
        XCTAssertEqual(record.cells.map(\.variant), ["sync", "sync", "gather", "gather", "threads", "threads"])
        XCTAssertEqual(record.cells.map { $0.params.values["n"]! }, ["10", "100", "10", "100", "10", "100"])
        for cell in record.cells {
            XCTAssertEqual(cell.summary, Summary(of: cell.samples))
            XCTAssertEqual(cell.samples.count, 40)
        }
        XCTAssertEqual(record.cells[3].summary.median, 10, accuracy: 1e-9)
        XCTAssertEqual(record.metric, "wall_ns")
        XCTAssertEqual(record.baseline, "sync")
        XCTAssertEqual(record.stoppedBy, .budget)
        XCTAssertEqual(PublicationDate.iso8601(record.measuredAt), "2027-01-15T08:00:00Z")
        XCTAssertEqual(record.durationS, 12.5)
        XCTAssertEqual(record.kind, .bench)
        XCTAssertEqual(record.key, "k")
        XCTAssertNil(record.previous)
    }

    func testRatiosAgainstTheBaselineIncludingItsOwnRow() {
        let record = make()
        XCTAssertEqual(record.ratios.map(\.variant), ["sync", "sync", "gather", "gather", "threads", "threads"])
        for row in record.ratios where row.variant == "sync" {
            XCTAssertEqual(row.estimate, RatioEstimate(ratio: 1, ci: 1...1))
        }
        let gather = record.ratios[3]
        XCTAssertEqual(gather.params, CellParams(["n": "100"]))
        XCTAssertEqual(gather.estimate, RatioEstimate(around(10), over: around(100)))
        XCTAssertEqual(gather.estimate.ratio, 0.1, accuracy: 1e-9)
        XCTAssertTrue(gather.estimate.ci.contains(0.1))
    }

    func testFurtherMetricsGoUnderMoreMetrics() {
        let record = make()
        XCTAssertEqual(record.moreMetrics.map(\.metric), ["max_rss_bytes"])
        XCTAssertEqual(record.moreMetrics[0].cells.count, 6)
        XCTAssertEqual(record.moreMetrics[0].ratios.count, 6)
        XCTAssertEqual(record.moreMetrics[0].cells[0].summary.median, 1e6, accuracy: 1)
    }

    func testMissingSeriesLeavesItsCellOut() {
        var partial = measurement()
        let dropped: [String: String] = ["n": "10"]
        partial.series.removeAll { series in
            series.variant == "sync" && series.params == dropped && series.metric == "wall_ns"
        }
        let record = EvidenceRecord.make(
            bench: bench, claims: [], measurement: partial, key: "k", environment: environment, previous: nil)
        XCTAssertEqual(record.cells.count, 5)
        XCTAssertEqual(record.ratios.map(\.variant), ["sync", "gather", "threads"])
    }

    func testClaimsAreJudgedAndStored() throws {
        let judged = try claims([
            "gather at least 5x faster than sync", "threads within 10% of sync at n=10",
            "gather lower than sync on max_rss_bytes",
        ])
        let record = make(claims: judged)
        XCTAssertEqual(record.claims.map(\.verdict), [.holds, .contradicted, .inconclusive])
        let first = record.claims[0]
        XCTAssertEqual(first.text, "gather at least 5x faster than sync")
        XCTAssertEqual(first.ratio ?? 0, 0.1, accuracy: 1e-9)
        XCTAssertEqual(first.ci?.count, 2)
        XCTAssertNotNil(first.params)
        XCTAssertEqual(record.claims[1].params, CellParams(["n": "10"]))
    }

    func testAClaimOnTheBaselineAgainstAVariantReadsTheTablesRatioTurnedAround() throws {
        let record = make(claims: try claims(["sync at least 5x slower than gather at n=10"]))
        let stored = try XCTUnwrap(
            record.ratios.first { $0.variant == "gather" && $0.params == CellParams(["n": "10"]) })
        let claim = try XCTUnwrap(record.claims.first)
        XCTAssertEqual(claim.verdict, .holds)
        XCTAssertEqual(claim.ratio ?? 0, stored.estimate.reciprocal.ratio, accuracy: 1e-12)
        XCTAssertEqual(claim.ci, [stored.estimate.reciprocal.ci.lowerBound, stored.estimate.reciprocal.ci.upperBound])
    }

    func testStoredEvidenceAloneJudgesClaimsAgain() throws {
        let folder = essay.folder
        let store = EvidenceStore(essayFolder: folder)
        let judged = try claims(["gather faster than sync", "threads slower than sync"])
        try store.save(make(claims: judged))
        let loaded = try XCTUnwrap(try store.load(id: "await-loop"))
        XCTAssertEqual(loaded.evaluate(judged), loaded.claims)
        XCTAssertEqual(loaded.evaluate(judged).map(\.verdict), [.holds, .contradicted])
        var stripped = loaded
        stripped.cells = stripped.cells.map {
            EvidenceCell(key: CellKey(variant: $0.variant, params: $0.params), summary: $0.summary, samples: [])
        }
        XCTAssertEqual(stripped.evaluate(judged).map(\.verdict), [.inconclusive, .inconclusive])
    }

    func testPreviousKeepsTimeAndCellsWithoutSamples() {
        var old = make()
        old.measuredAt = PublicationDate.parse("2026-01-01T00:00:00Z")!
        old.previous = PreviousMeasurement(measuredAt: PublicationDate.parse("2025-01-01T00:00:00Z")!, cells: [])
        let record = make(previous: old)
        let previous = try? XCTUnwrap(record.previous)
        XCTAssertEqual(previous?.measuredAt, PublicationDate.parse("2026-01-01T00:00:00Z"))
        XCTAssertEqual(previous?.cells.map(\.summary), old.cells.map(\.summary))
        XCTAssertEqual(previous?.cells.map(\.variant), old.cells.map(\.variant))
        XCTAssertTrue(previous?.cells.allSatisfy(\.samples.isEmpty) ?? false)
    }

    func testProbeRecord() throws {
        let probe = try essay.probe(
            """
            id: repl
            title: REPLs
            tools:
              python: python -i
              ipython: "ipython {file}"
            snippets: {sleep: experiments/repl/await_sleep.ipy}
            """)
        let location = SourceLocation(file: "content/x/index.md", line: 4)
        let claims = try ["ipython works on sleep", "python works on sleep"].map {
            try ProbeClaim.parse($0, tools: ["python", "ipython"], snippets: ["sleep"], location: location)
        }
        let results = [
            ProbeResult(
                tool: "python", snippet: "sleep", works: false, firstError: "SyntaxError", exitStatus: 0,
                seconds: 0.2),
            ProbeResult(tool: "ipython", snippet: "sleep", works: true, firstError: nil, exitStatus: 0, seconds: 0.9),
        ]
        let record = EvidenceRecord.make(
            probe: probe, claims: claims, results: results, key: "k", environment: environment, startedAt: startedAt,
            seconds: 1.1, previous: nil)
        XCTAssertEqual(record.kind, .probe)
        XCTAssertEqual(record.metric, "works")
        XCTAssertEqual(record.baseline, "")
        XCTAssertTrue(record.cells.isEmpty && record.ratios.isEmpty && record.moreMetrics.isEmpty)
        XCTAssertEqual(record.probe, results)
        XCTAssertEqual(record.claims.map(\.verdict), [.holds, .contradicted])
        let unknown = try ProbeClaim.parse(
            "ipython fails on x", tools: ["ipython"], snippets: ["x"], location: location)
        XCTAssertEqual(record.evaluate([unknown]).map(\.verdict), [.inconclusive])
    }
}
