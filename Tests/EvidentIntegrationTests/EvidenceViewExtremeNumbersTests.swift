import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// Every finite number, from the smallest subnormal to the largest Double, has a short text, a place on a chart
/// and a change line; none of them crashes the page.
final class EvidenceViewExtremeNumbersTests: XCTestCase {
    private static let extremes: [Double] = [
        0, -0.0, .leastNonzeroMagnitude, 1e-310, .leastNormalMagnitude, 1e-7, 9.995e-7, 1e14, 9.9951e11, 1e300,
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, -1e-310,
    ]

    func testSubnormalAndHugeValuesReadAsPowersOfTen() {
        XCTAssertEqual(SignificantDigits.text(1e-310), "1.00×10⁻³¹⁰")
        XCTAssertEqual(SignificantDigits.text(.leastNonzeroMagnitude), "4.94×10⁻³²⁴")
        XCTAssertEqual(SignificantDigits.text(.greatestFiniteMagnitude), "1.80×10³⁰⁸")
        XCTAssertEqual(SignificantDigits.text(-.greatestFiniteMagnitude), "−1.80×10³⁰⁸")
        XCTAssertEqual(SignificantDigits.text(-0.0), "0")
        XCTAssertEqual(SignificantDigits.text(1e15, trimmingZeros: true), "1×10¹⁵")
        XCTAssertEqual(SignificantDigits.text(9.9951e11), "1.00×10¹²")
        XCTAssertEqual(SignificantDigits.text(9.994e11), "999,000,000,000")
        XCTAssertEqual(SignificantDigits.text(9.99e-7), "9.99×10⁻⁷")
        XCTAssertEqual(SignificantDigits.text(1.23e-6), "0.00000123")
        XCTAssertEqual(SignificantDigits.round(1e-310), 1e-310)
        XCTAssertEqual(SignificantDigits.round(1.2345e-320), 1.23e-320, accuracy: 1e-322)
        XCTAssertEqual(SignificantDigits.round(.greatestFiniteMagnitude), 1.8e308)
    }

    func testMetricFormatsAcceptEveryFiniteValue() {
        for value in Self.extremes {
            for metric in ["wall_ns", "took_s", "rss_bytes", "allocations"] {
                let text = MetricFormat.value(value, scale: MetricPresentation(name: metric).scale)
                XCTAssertLessThan(text.count, 24, "\(value) \(metric): \(text)")
                XCTAssertFalse(text.contains("∞") || text.contains("–"), "\(value) \(metric): \(text)")
            }
            let factor = Factor(ratio: value, ci: value...value, words: ("faster", "slower"))
            XCTAssertLessThan(factor.withInterval.count, 44, "\(value): \(factor.withInterval)")
            XCTAssertFalse(factor.withInterval.contains("nan"), "\(value)")
            XCTAssertLessThan(MetricFormat.change(value).count, 20, "\(value)")
            XCTAssertLessThan(MetricFormat.seconds(value).count, 20, "\(value)")
        }
        XCTAssertEqual(MetricFormat.value(1e-310, scale: .time(seconds: 1e-9)), "1.00×10⁻³¹⁰ ns")
        XCTAssertEqual(MetricFormat.value(1e300, scale: .time(seconds: 1e-9)), "1.00×10²⁹¹ s")
        XCTAssertEqual(MetricFormat.value(1e25, scale: .count()), "1.00×10²⁵")
        XCTAssertEqual(MetricFormat.value(-4.56e14, scale: .count()), "−456T")
        XCTAssertEqual(MetricFormat.change(1e300), "+1.00×10³⁰² %")
        XCTAssertEqual(MetricFormat.change(-.infinity), "−∞ %")
        XCTAssertEqual(MetricFormat.change(.nan), "–")
        XCTAssertEqual(MetricFormat.seconds(1e300), "1×10³⁰⁰ s")
        XCTAssertEqual(MetricFormat.seconds(5.9e7), "983333 min 20 s")
    }

    func testChartScalesCoverSubnormalAndHugeValues() {
        let cases: [[Double]] = [
            [.leastNonzeroMagnitude], [.leastNonzeroMagnitude, 2 * .leastNonzeroMagnitude], [1e-310, 1e-309],
            [1e-310, 1e300], [.greatestFiniteMagnitude], [0, .greatestFiniteMagnitude], [-1e300, 1e300], [0], [],
        ]
        for values in cases {
            let scale = ChartScale(covering: values)
            XCTAssertFalse(scale.ticks.isEmpty, "\(values)")
            XCTAssertLessThanOrEqual(scale.ticks.count, 12, "\(values)")
            XCTAssertTrue(scale.ticks.allSatisfy(\.isFinite), "\(values): \(scale.ticks)")
            for value in values + scale.ticks {
                XCTAssertTrue((0...1).contains(scale.fraction(value)), "\(values): \(value)")
            }
        }
        XCTAssertTrue(ChartScale(covering: [1e-310, 1e300]).logarithmic)
    }

    func testASpeedupOfARatioIntervalFromNegativeZeroIsInfinite() throws {
        let estimate = RatioEstimate(ratio: 0.5, ci: -0.0...0.5)
        XCTAssertEqual(estimate.reciprocal, RatioEstimate(ratio: 2, ci: 2...Double.infinity))
        XCTAssertEqual(RatioEstimate(ratio: -0.0, ci: -0.0...0).reciprocal.ci, Double.infinity...Double.infinity)
        XCTAssertEqual(Claim.Relation.lower(atLeast: 2).verdict(for: -0.0...0), .holds)
        XCTAssertEqual(Claim.Relation.lower(atLeast: 2).verdict(for: -0.0...1), .inconclusive)
    }

    func testAChartOfExtremeMediansIsDrawn() throws {
        let bench = try MeasureTestEssay().bench(
            "id: x\ntitle: X\nexperiment: experiments/sleeps.py\nvariants: [short, long]")
        for values in [[1e-310, 1e300], [.leastNonzeroMagnitude, .leastNonzeroMagnitude], [0, 1e300]] {
            let cells = zip(["short", "long"], values).map { variant, value in
                EvidenceCell(
                    key: CellKey(variant: variant, params: CellParams([:])), summary: Summary(of: [value])!,
                    samples: [value])
            }
            let svg = EvidenceChart(
                bench: bench, presentation: MetricPresentation(name: "wall_ns"),
                evidence: MetricEvidence(metric: "wall_ns", cells: cells, ratios: [])
            ).svg
            XCTAssertTrue(svg.hasSuffix("</svg>"), "\(values)")
            XCTAssertFalse(svg.contains("nan") || svg.contains("inf"), svg)
        }
    }
}
