import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// The statistics stay finite and quick on any finite values and any count a file may claim, and `samples: auto`
/// never stops on an interval that is only [min, max].
final class StatisticsExtremeTests: XCTestCase {
    private let largest = Double.greatestFiniteMagnitude

    func testMediansAndQuantilesOfHugeValuesDoNotOverflow() throws {
        XCTAssertEqual(Quantile.median(sorted: [largest, largest]), largest)
        XCTAssertEqual(Quantile.median(sorted: [-largest, largest]), 0)
        XCTAssertEqual(Quantile.median(sorted: [1, 3]), 2)
        XCTAssertEqual(Quantile.cut(1, of: 40, sorted: [largest, largest]), largest)
        XCTAssertEqual(Quantile.cut(20, of: 40, sorted: [largest / 2, largest]), largest * 0.75)
        let summary = try XCTUnwrap(Summary(of: [largest, largest, largest / 2, largest / 2]))
        XCTAssertEqual(summary.median, largest * 0.75)
        XCTAssertTrue(summary.mad.isFinite)
        var random = SplitMix64(seed: 3)
        var resampled = ResampledMedian([largest, largest, largest, largest])
        XCTAssertEqual(resampled.next(using: &random), largest)
    }

    func testRelativeHalfWidthOfAWideIntervalIsFinite() {
        let summary = Summary(n: 6, median: 1, ci: -1e308...1e308, min: -1e308, max: 1e308, mad: 1, outliers: 0)
        XCTAssertEqual(summary.relativeHalfWidth, 1e308)
    }

    func testSubnormalSamplesHaveASummaryAndARatio() throws {
        let tiny = [1e-310, 2e-310, 3e-310, 4e-310, 5e-310, 6e-310]
        let summary = try XCTUnwrap(Summary(of: tiny))
        XCTAssertEqual(summary.median, 3.5e-310, accuracy: 1e-320)
        let ratio = try XCTUnwrap(RatioEstimate(tiny, over: tiny.map { $0 * 2 }))
        XCTAssertEqual(ratio.ratio, 0.5, accuracy: 1e-9)
        XCTAssertTrue(ratio.ci.lowerBound.isFinite && ratio.ci.upperBound.isFinite)
    }

    func testConfidenceFromTheCountAloneAgreesWithTheIntervalAndIsQuickForAnyCount() {
        for n in 1...300 {
            let summary = Summary(n: n, median: 1, ci: 1...1, min: 1, max: 1, mad: 0, outliers: 0)
            XCTAssertEqual(summary.ciReachesConfidence, MedianInterval(count: n).reachesConfidence, "n=\(n)")
        }
        let started = Date()
        let huge = Summary(n: 1_000_000_000_000, median: 1, ci: 1...1, min: 1, max: 1, mad: 0, outliers: 0)
        XCTAssertTrue(huge.ciReachesConfidence)
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.1)
    }

    func testAutoNeverStopsBeforeTheIntervalReachesConfidence() throws {
        var bench = try MeasureTestEssay().bench(
            "id: x\ntitle: X\nexperiment: experiments/sleeps.py\nvariants: [short]\nsamples: auto")
        bench.minSamples = 2
        let rule = StopRule(bench)
        for count in 2..<MedianInterval.fewestConfidentValues {
            XCTAssertFalse(rule.converged(Array(repeating: 5, count: count)), "\(count) equal samples")
            XCTAssertNil(rule.reason([Array(repeating: 5, count: count)]), "\(count) equal samples")
        }
        XCTAssertTrue(rule.converged(Array(repeating: 5, count: MedianInterval.fewestConfidentValues)))
        XCTAssertEqual(rule.reason([Array(repeating: 5, count: 6)]), .precision)
    }
}
