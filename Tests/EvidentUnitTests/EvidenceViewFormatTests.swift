import XCTest

@testable import EvidentEvidence
@testable import EvidentRendering

final class EvidenceViewFormatTests: XCTestCase {
    func testValuesWithUnits() {
        let cases: [(Double, String, String)] = [
            (812, "wall_ns", "812 ns"),
            (9_123, "wall_ns", "9.12 µs"),
            (1_234_567, "wall_ns", "1.23 ms"),
            (3_449_000_000, "wall_ns", "3.45 s"),
            (999.6, "wall_ns", "1.00 µs"),
            (125_000_000_000, "wall_ns", "125 s"),
            (1_500_000_000_000, "wall_ns", "1,500 s"),
            (0, "wall_ns", "0 ns"),
            (-1_234_567, "wall_ns", "−1.23 ms"),
            (0.5, "wall_ns", "0.500 ns"),
            (12.5, "latency_us", "12.5 µs"),
            (2_500, "latency_us", "2.50 ms"),
            (0.0123, "took_ms", "12.3 µs"),
            (42, "took_ms", "42.0 ms"),
            (3.456, "elapsed_s", "3.46 s"),
            (0.000_812, "elapsed_s", "812 µs"),
            (512, "rss_bytes", "512 B"),
            (999.4, "rss_bytes", "999 B"),
            (1_536, "rss_bytes", "1.54 kB"),
            (10_000_000, "process_max_rss_bytes", "10.0 MB"),
            (3e9, "heap_bytes", "3.00 GB"),
            (1_234, "allocations", "1,230"),
            (0.012_34, "allocations", "0.0123"),
            (12_345, "allocations", "12.3k"),
            (9_999, "allocations", "10.0k"),
            (4_560_000, "allocations", "4.56M"),
            (0, "allocations", "0"),
            (-5, "allocations", "−5.00"),
            (100, "allocations", "100"),
            (1, "allocations", "1.00"),
            (77_900, "ops_per_s", "77.9k ops/s"),
            (12.5, "cpu_percent", "12.5 %"),
            (42, "retries_count", "42.0"),
        ]
        for (value, metric, expected) in cases {
            XCTAssertEqual(
                MetricFormat.value(value, scale: MetricPresentation(name: metric).scale), expected, "\(value) \(metric)"
            )
        }
    }

    func testFactorsReadTheWayPeopleSayThem() {
        let time = MetricPresentation(name: "wall_ns").factorWords
        XCTAssertEqual(Factor(ratio: 0.0143, ci: 0.0139...0.0147, words: time).text, "69.9× faster")
        XCTAssertEqual(Factor(ratio: 0.0143, ci: 0.0139...0.0147, words: time).interval, "[68.0–71.9]")
        XCTAssertEqual(Factor(ratio: 1.05, ci: 1.03...1.07, words: time).withInterval, "1.05× slower [1.03–1.07]")
        XCTAssertEqual(Factor(ratio: 1.003, ci: 0.985...1.02, words: time).withInterval, "same within ±2 %")
        XCTAssertEqual(Factor(ratio: 1, ci: 0.998...1.003, words: time).text, "same within ±0.3 %")
        XCTAssertEqual(Factor(ratio: 1, ci: 0.95...1.05, words: time).text, "same within ±5 %")
    }

    func testAWideIntervalThatHoldsOneIsNoClearDifferenceNotTheSame() {
        let time = MetricPresentation(name: "wall_ns").factorWords
        XCTAssertEqual(
            Factor(ratio: 1.14, ci: 0.94...1.31, words: time).withInterval, "no clear difference [0.940–1.31×]")
        XCTAssertEqual(Factor(ratio: 1.02, ci: 0.97...1.06, words: time).text, "no clear difference")
        XCTAssertEqual(Factor(ratio: 1.1, ci: 0.85...1.2, words: time, margin: 0.2).text, "same within ±20 %")
        XCTAssertEqual(Claim.withinMargin(of: "a within 15% of b at n=10"), 0.15)
        XCTAssertNil(Claim.withinMargin(of: "a at least 2x faster than b"))
        XCTAssertEqual(Factor(ratio: 0.5, ci: nil, words: time).withInterval, "2.00× faster")
        let bytes = MetricPresentation(name: "peak_bytes").factorWords
        XCTAssertEqual(Factor(ratio: 3.2, ci: 3.1...3.3, words: bytes).text, "3.20× higher")
        XCTAssertEqual(Factor(ratio: 0.25, ci: 0.2...0.3, words: bytes).withInterval, "4.00× lower [3.33–5.00]")
        XCTAssertEqual(Factor(ratio: 0, ci: nil, words: time).text, "ratio 0")
        XCTAssertEqual(MetricFormat.interval(1_210_000...1_250_000, scale: .time(seconds: 1e-9)), "[1.21–1.25 ms]")
        XCTAssertEqual(MetricFormat.interval(990_000...1_010_000, scale: .time(seconds: 1e-9)), "[990–1,010 µs]")
        XCTAssertEqual(MetricFormat.interval(12...15, scale: .count()), "[12.0–15.0]")
        XCTAssertEqual(MetricFormat.interval(12...15, scale: .count(suffix: "ops/s")), "[12.0–15.0 ops/s]")
    }

    func testMetricLabelsUnitsAndDirectionsFromNameOrDirective() {
        let wall = MetricPresentation(name: "wall_ns")
        XCTAssertEqual([wall.label, wall.better?.rawValue], ["wall time", "lower"])
        XCTAssertEqual(MetricPresentation(name: "p99_latency_ms").label, "p99 latency")
        XCTAssertEqual(MetricPresentation(name: "ops_per_s").label, "ops per second")
        XCTAssertEqual(MetricPresentation(name: "ops_per_s").better, .higher)
        XCTAssertEqual(MetricPresentation(name: "peak_buffer_bytes").label, "peak buffer")
        XCTAssertNil(MetricPresentation(name: "rejected").better)
        let declared = MetricPresentation(
            MetricDescription(name: "latency", label: "p99 latency", unit: "ms", better: .lower))
        XCTAssertEqual(declared.label, "p99 latency")
        XCTAssertTrue(declared.isTime)
        XCTAssertEqual(MetricFormat.value(1.5, scale: declared.scale), "1.50 ms")
        let rate = MetricPresentation(MetricDescription(name: "throughput", unit: "req/s", better: .higher))
        XCTAssertEqual(MetricFormat.value(12_345, scale: rate.scale), "12.3k req/s")
        XCTAssertEqual(rate.factorWords.above, "higher")
    }

    func testChangesPercentagesAndDurations() {
        XCTAssertEqual(MetricFormat.change(0.021), "+2.1 %")
        XCTAssertEqual(MetricFormat.change(-0.004), "−0.4 %")
        XCTAssertEqual(MetricFormat.change(0.00001), "±0.0 %")
        XCTAssertEqual(MetricFormat.change(0.25), "+25.0 %")
        XCTAssertEqual(MetricFormat.percent(0.03), "3 %")
        XCTAssertEqual(MetricFormat.percent(0.025), "2.5 %")
        XCTAssertEqual(MetricFormat.seconds(21), "21 s")
        XCTAssertEqual(MetricFormat.seconds(21.34), "21.3 s")
        XCTAssertEqual(MetricFormat.seconds(0.5), "0.5 s")
        XCTAssertEqual(MetricFormat.seconds(125), "2 min 5 s")
        XCTAssertEqual(MetricFormat.seconds(120), "2 min")
    }
}
