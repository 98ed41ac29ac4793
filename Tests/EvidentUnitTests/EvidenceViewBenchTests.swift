import EvidentTestSupport
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering

/// A bench and a hand-made record of it: sync and gather at n=10 and n=100 (latency_ms=2 in every cell).
final class EvidenceViewFixture {
    let essay: DirectiveEssay
    var bench: BenchDirective
    var record: EvidenceRecord
    let templates: TemplateSet

    init() throws {
        essay = try DirectiveEssay()
        bench = try essay.bench(
            """
            id: await-loop
            title: A loop of awaits is still a loop
            caption: Gathering is *much* faster.
            experiment: experiments/await_loop.py
            variants: [sync, gather]
            params:
              n: [10, 100]
              latency_ms: 2
            metric: wall_ns
            precision: 3%
            budget: 30s
            """)
        let cell = { (variant: String, n: String, median: Double, outliers: Int) -> EvidenceCell in
            var summary = Summary(
                n: 100, median: median, ci: (median * 0.99)...(median * 1.01), min: median * 0.9,
                max: median * 1.2, mad: median * 0.01, outliers: outliers)
            // Samples from ten processes: the interval covers reruns, so no note says otherwise.
            summary.processes = 10
            return EvidenceCell(
                key: CellKey(variant: variant, params: CellParams(["n": n, "latency_ms": "2"])), summary: summary,
                samples: [])
        }
        let ratio = { (n: String, value: Double) in
            EvidenceRatio(
                key: CellKey(variant: "gather", params: CellParams(["n": n, "latency_ms": "2"])),
                estimate: RatioEstimate(ratio: value, ci: (value * 0.97)...(value * 1.03)))
        }
        record = try Self.record(
            cells: [
                cell("sync", "10", 25_000_000, 0), cell("gather", "10", 2_600_000, 0),
                cell("sync", "100", 250_000_000, 0), cell("gather", "100", 3_100_000, 20),
            ],
            ratios: [ratio("10", 0.104), ratio("100", 0.0124)],
            previous: PreviousMeasurement(
                measuredAt: PublicationDate.parse("2026-10-01T09:00:00Z")!,
                cells: [cell("sync", "10", 24_500_000, 0), cell("sync", "100", 245_000_000, 0)]))
        templates = try TemplateSet.load(siteFolder: essay.site)
    }

    /// A record measured 2026-11-25 in 21 s on "Test CPU", read from JSON as the store would.
    static func record(
        kind: DirectiveKind = .bench, cells: [EvidenceCell] = [], ratios: [EvidenceRatio] = [],
        probe: [ProbeResult]? = nil, previous: PreviousMeasurement? = nil
    ) throws -> EvidenceRecord {
        let json = { (value: any Encodable) in
            try JSONSerialization.jsonObject(with: EvidenceJSON.encoder.encode(value), options: .fragmentsAllowed)
        }
        var object: [String: Any] = [
            "schema": 1, "id": "await-loop", "kind": kind.rawValue, "key": "abc", "measured_at": "2026-11-25T10:00:00Z",
            "duration_s": 21, "metric": "wall_ns", "baseline": "sync", "stopped_by": "precision",
            "environment": try json(MachineEnvironment(cpu: "Test CPU", cores: 2, os: "Linux 6.1", python: "3.11.7")),
            "cells": try json(cells), "ratios": try json(ratios), "more_metrics": [], "claims": [],
        ]
        if let probe { object["probe"] = try json(probe) }
        if let previous { object["previous"] = try json(previous) }
        return try EvidenceJSON.decode(JSONSerialization.data(withJSONObject: object))
    }

    func html(
        claims: [EvidenceClaim] = [], stale: Bool = false, current: MachineEnvironment? = nil
    ) throws -> String {
        try templates.render(
            EvidenceView.partial,
            try EvidenceView.context(
                bench: bench, record: record, claims: claims, stale: stale, currentEnvironment: current))
    }

    /// How often `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}

final class EvidenceViewBenchTests: XCTestCase {
    func testTableGroupsCellsAndNamesItsColumnsOnce() throws {
        let html = try EvidenceViewFixture().html()
        XCTAssertTrue(html.hasPrefix(#"<section class="evidence" id="await-loop">"#), html)
        // A group per value of n, a row per variant, factors of at least 1 with their direction.
        assertSnapshot(try XCTUnwrap(html.element(startingWith: "<table")), named: "evidence/bench-table.html")
        XCTAssertEqual(EvidenceViewFixture.count("<table", in: html), 1)
        XCTAssertFalse(html.contains(">n<"))
        XCTAssertNil(html.range(of: #"(?<![\d.,])0\.\d+×"#, options: .regularExpression))
        XCTAssertTrue(html.contains(#"<div class="caption">Gathering is <em>much</em> faster.</div>"#))
    }

    func testSeveralMetricsHaveTheirLabelsAndUnits() throws {
        let fixture = try EvidenceViewFixture()
        fixture.bench = try fixture.essay.bench(
            """
            id: await-loop
            title: Two metrics
            experiment: experiments/await_loop.py
            variants: [sync, gather]
            params:
              n: [10, 100]
              latency_ms: 2
            metric:
              - wall_ns
              - name: buffer
                label: peak buffer
                unit: bytes
                better: lower
            """)
        let buffer = fixture.record.cells.map { cell in
            var cell = cell
            cell.summary.median = cell.variant == "sync" ? 10_000 : 9_540_000
            cell.summary.ci = (cell.summary.median * 0.99)...(cell.summary.median * 1.01)
            return cell
        }
        fixture.record.moreMetrics = [MetricEvidence(metric: "buffer", cells: buffer, ratios: [])]
        let html = try fixture.html()
        assertSnapshot(try XCTUnwrap(html.element(startingWith: "<table")), named: "evidence/two-metrics-table.html")
        XCTAssertTrue(
            html.contains("<figcaption>peak buffer: median and 95 % interval of each variant; lower is better"))
        XCTAssertTrue(html.contains("<figcaption>wall time: median and 95 % interval of each variant; lower is better"))
    }

    func testChartIsDrawnForItsWidthWithAttributesAndSwitchesToLogScale() throws {
        let fixture = try EvidenceViewFixture()
        let html = try fixture.html()
        XCTAssertEqual(EvidenceViewFixture.count(#"class="whisker""#, in: html), 4)
        XCTAssertTrue(
            html.contains(
                #"role="img" aria-label="A loop of awaits is still a loop: median wall time of sync, gather at n=10, "#
                    + #"n=100, with 95 % intervals, log scale""#), html)
        XCTAssertTrue(html.contains(#"data-scale="log""#))
        XCTAssertTrue(html.contains(#"width="100%""#))
        XCTAssertTrue(html.contains(#"font-size="12""#))
        XCTAssertFalse(html.contains("viewBox"))
        XCTAssertEqual(EvidenceViewFixture.count("<circle", in: html), 4)
        XCTAssertEqual(EvidenceViewFixture.count("fill=\"\(ChartColors.baseline)\"", in: html), 2)
        XCTAssertTrue(html.contains(#">1 ms</text>"#), html)
        XCTAssertFalse(html.contains(#">0 ns</text>"#))
        XCTAssertFalse(html.contains("<script"))

        fixture.record.cells = fixture.record.cells.map { cell in
            var cell = cell
            cell.summary.median = cell.variant == "sync" ? 3_000_000 : 2_000_000
            cell.summary.ci = (cell.summary.median * 0.99)...(cell.summary.median * 1.01)
            return cell
        }
        let linear = try fixture.html()
        XCTAssertTrue(linear.contains(#"data-scale="linear""#))
        XCTAssertEqual(EvidenceViewFixture.count(#"<rect class="bar"#, in: linear), 4)
        XCTAssertEqual(EvidenceViewFixture.count(#"class="whisker""#, in: linear), 4)
        XCTAssertTrue(linear.contains(#">0</text>"#), linear)
        XCTAssertTrue(linear.contains(#">1 ms</text>"#), linear)
        XCTAssertTrue(linear.contains(#">3 ms</text>"#), linear)
    }

    func testClaimsShowVerdictsAndFactors() throws {
        let params = CellParams(["n": "100", "latency_ms": "2"])
        let html = try EvidenceViewFixture().html(claims: [
            EvidenceClaim(
                text: "gather at least 5x faster than sync at n=100", verdict: .holds, ratio: 0.0124,
                ci: [0.012, 0.0128], params: params),
            EvidenceClaim(text: "gather slower than sync", verdict: .contradicted, ratio: 0.104, ci: [0.1, 0.108]),
            EvidenceClaim(text: "gather within 1% of sync", verdict: .inconclusive, ratio: 1.004, ci: [0.99, 1.02]),
        ])
        // The last one's interval is wider than the claim's own 1 %: no clear difference, not "the same".
        assertSnapshot(try XCTUnwrap(html.element(startingWith: #"<ul class="claims""#)), named: "evidence/claims.html")
    }

    func testNotesFoldIntoOneDisclosureUnlessTheyBearOnAClaim() throws {
        let fixture = try EvidenceViewFixture()
        fixture.record.stoppedBy = .budget
        let html = try fixture.html()
        // Outliers, the budget that stopped measuring, and that a first run has no earlier one to compare with.
        assertSnapshot(
            try XCTUnwrap(html.element(startingWith: #"<details class="notes""#)), named: "evidence/notes.html")

        let claim = "gather at least 5x faster than sync at n=100"
        let parsed = try Claim.parse(
            claim, variants: ["sync", "gather"], params: ["n": ["10", "100"], "latency_ms": ["2"]],
            metrics: ["wall_ns"], location: SourceLocation(file: "content/x/index.md", line: 9))
        let judged = EvidenceClaim(
            text: claim, verdict: .inconclusive, ratio: 0.0124, ci: [0.012, 0.0128],
            params: CellParams(["n": "100", "latency_ms": "2"]))
        let tied = try fixture.templates.render(
            EvidenceView.partial,
            try EvidenceView.context(
                bench: fixture.bench, record: fixture.record, claims: [judged], sources: [parsed], stale: false,
                currentEnvironment: nil))
        XCTAssertTrue(tied.contains("<summary>Measurement notes (2)</summary>"), tied)
        assertSnapshot(
            try XCTUnwrap(tied.element(startingWith: #"<ul class="claims""#)), named: "evidence/claim-with-note.html")
    }

    func testACellThatMovedSinceThePreviousMeasurementStandsOutsideTheFoldedNotes() throws {
        let fixture = try EvidenceViewFixture()
        var moved = fixture.record.cells[0]
        moved.summary.median = 20_000_000
        moved.summary.ci = 19_900_000...20_100_000
        fixture.record.previous = PreviousMeasurement(
            measuredAt: PublicationDate.parse("2026-10-01T09:00:00Z")!, cells: [moved],
            environment: fixture.record.environment)
        let html = try fixture.html()
        XCTAssertTrue(
            html.contains(
                #"<ul class="alerts">"# + "\n"
                    + #"<li class="note moved"><span aria-hidden="true">⚠ </span>sync at n=10: moved beyond its "#
                    + "interval since 2026-10-01: the machine or the code changed</li>"), html)
        fixture.record.previous?.environment?.cores += 1
        XCTAssertFalse(try fixture.html().contains("moved beyond"), "another kind of machine is not compared")
    }

    func testNoPrecisionNoteWhereNoneWasAsked() throws {
        let fixture = try EvidenceViewFixture()
        fixture.record.cells = fixture.record.cells.map { cell in
            var cell = cell
            cell.summary.ci = (cell.summary.median * 0.9)...(cell.summary.median * 1.1)
            cell.summary.outliers = 0
            return cell
        }
        XCTAssertTrue(try fixture.html().contains("wider than the ±3 % asked for"))
        fixture.bench = try fixture.essay.bench(
            """
            id: await-loop
            title: Fixed
            experiment: experiments/await_loop.py
            variants: [sync, gather]
            params:
              n: [10, 100]
              latency_ms: 2
            samples: 20
            """)
        let fixed = try fixture.html()
        XCTAssertFalse(fixed.contains("asked for"), fixed)
        XCTAssertFalse(fixed.contains(#"class="note precision""#))
    }

    func testOneProvenanceLineBuiltOnOnlyWhenTheMachinesDifferNotably() throws {
        let fixture = try EvidenceViewFixture()
        let fresh = try fixture.html()
        XCTAssertFalse(fresh.contains("class=\"stale\""))
        XCTAssertEqual(EvidenceViewFixture.count(#"<p class="provenance">"#, in: fresh), 1)
        assertSnapshot(
            try XCTUnwrap(fresh.element(startingWith: #"<p class="provenance""#)), named: "evidence/provenance.html")

        let same = [
            MachineEnvironment(cpu: "Test CPU", cores: 2, os: "Linux 6.1", python: "3.11.9", swift: "6.3.1"),
            MachineEnvironment(cpu: "Test CPU", cores: 2, os: "Linux 6.1", python: nil),
        ]
        for current in same {
            XCTAssertFalse(try fixture.html(current: current).contains("built on"), "\(current)")
        }
        let kernel = MachineEnvironment(cpu: "A", cores: 2, os: "Debian 12, kernel 6.1.0-18", python: "3.11.7")
        var newer = kernel
        newer.os = "Debian 12, kernel 6.1.0-21"
        XCTAssertFalse(Provenance.differNotably(kernel, newer))
        newer.python = "3.12.0"
        XCTAssertTrue(Provenance.differNotably(kernel, newer))

        let current = MachineEnvironment(cpu: "Other CPU", cores: 8, os: "Linux 6.8", python: "3.12.1")
        let stale = try fixture.html(stale: true, current: current)
        XCTAssertTrue(stale.hasPrefix(#"<section class="evidence is-stale" id="await-loop">"#))
        XCTAssertTrue(stale.contains("stale: the experiment changed since this was measured"))
        assertSnapshot(
            try XCTUnwrap(stale.element(startingWith: #"<p class="provenance""#)),
            named: "evidence/provenance-stale.html")
    }
}

extension EvidenceViewBenchTests {
    func testAMachineAtTwoSpeedsIsSaidInView() throws {
        let fixture = try EvidenceViewFixture()
        var values: [Double] = []
        var rounds: [Int] = []
        for (round, centre) in [1.15e6, 2.0e6, 1.16e6, 1.98e6, 2.02e6, 1.14e6].enumerated() {
            values += [centre, centre * 1.01, centre * 0.99]
            rounds += [round, round, round]
        }
        fixture.record.cells[0].samples = values
        fixture.record.cells[0].rounds = rounds
        let html = try fixture.html()
        XCTAssertTrue(
            html.contains(
                #"<li class="note machine"><span aria-hidden="true">⚠ </span>timings on this machine switch "#
                    + "between about 1.15 ms and 2.00 ms (the processes of sync at n=10): absolute times move by "
                    + "that much between runs; a quieter machine, a longer budget or pinning with taskset would help"),
            html)
    }
}
