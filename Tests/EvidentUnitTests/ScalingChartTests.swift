import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering

/// The scaling chart: a numeric parameter of three or more values drawn along an axis, one line per variant.
final class ScalingChartTests: XCTestCase {
    /// sync and gather at n=1000, 10000, 100000 (sync grows with n, gather stays near 1 ms), in two latencies.
    private func fixture(latencies: String = "2") throws -> EvidenceViewFixture {
        let fixture = try EvidenceViewFixture()
        fixture.bench = try fixture.essay.bench(
            """
            id: await-loop
            title: Growing loops
            experiment: experiments/await_loop.py
            variants: [sync, gather]
            params:
              n: [1e3, 1e4, 1e5]
              latency_ms: \(latencies)
            """)
        var cells: [EvidenceCell] = []
        for latency in fixture.bench.params[1].values {
            for (n, size) in [("1000", 1e3), ("10000", 1e4), ("100000", 1e5)] {
                for (variant, median) in [("sync", size * 1000), ("gather", 1e6 + size)] {
                    var summary = Summary(
                        n: 40, median: median, ci: (median * 0.9)...(median * 1.1), min: median * 0.8,
                        max: median * 1.2, mad: median * 0.01, outliers: 0)
                    summary.processes = 8
                    cells.append(
                        EvidenceCell(
                            key: CellKey(variant: variant, params: CellParams(["n": n, "latency_ms": latency])),
                            summary: summary, samples: []))
                }
            }
        }
        fixture.record = try EvidenceViewFixture.record(cells: cells)
        return fixture
    }

    func testAThreeSizeParameterIsDrawnAlongALogarithmicAxis() throws {
        let fixture = try fixture()
        XCTAssertEqual(fixture.bench.params[0].values, ["1000", "10000", "100000"])
        let html = try fixture.html()
        XCTAssertEqual(EvidenceViewFixture.count(#"<svg class="chart scaling""#, in: html), 1, html)
        XCTAssertFalse(html.contains(#"<svg class="chart" "#), "the grouped chart gives way to the scaling chart")
        XCTAssertTrue(html.contains(#"data-parameter-scale="log""#))
        XCTAssertTrue(html.contains(#"data-scale="log""#))
        XCTAssertEqual(EvidenceViewFixture.count(#"<polyline class="line""#, in: html), 2)
        XCTAssertEqual(EvidenceViewFixture.count(#"<polygon class="band""#, in: html), 2)
        XCTAssertEqual(EvidenceViewFixture.count(#"<g class="mark">"#, in: html), 6)
        XCTAssertTrue(html.contains(">n (log scale)</text>"))
        for label in ["1000", "10000", "100000"] { XCTAssertTrue(html.contains(">\(label)</text>"), label) }
        XCTAssertTrue(html.contains(#"stroke-dasharray="6 3""#), "the second line is dashed")
        XCTAssertTrue(
            html.contains(
                #"aria-label="Growing loops: median wall time against n (1000 to 100000, log scale) of sync, gather, "#
                    + #"with 95 % interval bands; wall time on a log scale""#), html)
        XCTAssertTrue(html.contains("<figcaption>wall time against n: median and 95 % interval band of each variant"))
        XCTAssertTrue(html.contains("<title>sync, n=100000: 100 ms [90.0–110 ms], 40 samples</title>"), html)
        // The table stays: a row per variant and size.
        XCTAssertEqual(EvidenceViewFixture.count(#"<th scope="row">"#, in: html), 6)
        // Medians from 1 ms to 100 ms: a tick per decade, not one per two.
        for tick in [">1 ms</text>", ">10 ms</text>", ">100 ms</text>"] { XCTAssertTrue(html.contains(tick), tick) }
    }

    func testAnotherVaryingParameterGetsAChartPerValue() throws {
        let html = try fixture(latencies: "[2, 5]").html()
        XCTAssertEqual(EvidenceViewFixture.count(#"<svg class="chart scaling""#, in: html), 2)
        XCTAssertTrue(html.contains("wall time against n at latency_ms=5: median"), html)
    }

    func testTwoValuesOrWordsKeepTheGroupedChart() throws {
        let fixture = try EvidenceViewFixture()
        XCTAssertNil(ScalingAxis(fixture.bench))
        fixture.bench.params = [BenchParam(name: "mode", values: ["tcp", "udp", "unix"])]
        XCTAssertNil(ScalingAxis(fixture.bench))
        fixture.bench.params = [BenchParam(name: "n", values: ["1", "2", "4"])]
        let axis = try XCTUnwrap(ScalingAxis(fixture.bench))
        XCTAssertFalse(axis.scale.logarithmic, "1 to 4 spans less than a decade")
        fixture.bench.params = [BenchParam(name: "n", values: ["1", "5", "10"])]
        XCTAssertEqual(ScalingAxis(fixture.bench)?.scale.logarithmic, true, "1 to 10 spans a decade")
    }
}
