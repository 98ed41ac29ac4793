import XCTest

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
            (1_023.6, "rss_bytes", "1,020 B"),
            (1_536, "rss_bytes", "1.50 KiB"),
            (12.3 * 1_048_576, "process_max_rss_bytes", "12.3 MiB"),
            (3 * 1_073_741_824, "heap_bytes", "3.00 GiB"),
            (1_234, "allocations", "1,230"),
            (0.012_34, "allocations", "0.0123"),
            (12_345, "allocations", "12.3k"),
            (9_999, "allocations", "10.0k"),
            (4_560_000, "allocations", "4.56M"),
            (0, "allocations", "0"),
            (-5, "allocations", "−5.00"),
            (100, "allocations", "100"),
            (1, "allocations", "1.00"),
        ]
        for (value, metric, expected) in cases {
            XCTAssertEqual(MetricFormat.value(value, metric: metric), expected, "\(value) \(metric)")
        }
    }

    func testRatiosAndIntervals() {
        XCTAssertEqual(MetricFormat.ratio(1.0312), "1.03×")
        XCTAssertEqual(MetricFormat.ratio(14.249), "14.2×")
        XCTAssertEqual(MetricFormat.ratio(0.021), "0.0210×")
        XCTAssertEqual(MetricFormat.ratio(1), "1.00×")
        XCTAssertEqual(MetricFormat.ratio(0.9996), "1.00×")
        XCTAssertEqual(MetricFormat.ratioInterval(1.0149...1.0451), "[1.01–1.05]")
        XCTAssertEqual(MetricFormat.interval(1_210_000...1_250_000, metric: "wall_ns"), "[1.21–1.25 ms]")
        XCTAssertEqual(MetricFormat.interval(990_000...1_010_000, metric: "wall_ns"), "[990–1,010 µs]")
        XCTAssertEqual(MetricFormat.interval(12...15, metric: "count"), "[12.0–15.0]")
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
