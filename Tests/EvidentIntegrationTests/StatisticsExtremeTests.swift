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
        // One process per sample: enough processes from 5 on, a real 95 % interval only from 6 samples on.
        let equal = { (count: Int) in UnitSamples(Array(repeating: 5, count: count), rounds: Array(0..<count)) }
        for count in 2..<MedianInterval.fewestConfidentValues {
            XCTAssertFalse(rule.converged(equal(count)), "\(count) equal samples")
            XCTAssertNil(rule.reason([equal(count)]), "\(count) equal samples")
        }
        XCTAssertTrue(rule.converged(equal(MedianInterval.fewestConfidentValues)))
        XCTAssertEqual(rule.reason([equal(6)]), .precision)
    }

    func testAutoNeverStopsBeforeFiveProcesses() throws {
        var bench = try MeasureTestEssay().bench(
            "id: x\ntitle: X\nexperiment: experiments/sleeps.py\nvariants: [short]\nsamples: auto")
        bench.minSamples = 2
        let rule = StopRule(bench)
        let fourProcesses = UnitSamples(Array(repeating: 5, count: 40), rounds: (0..<40).map { $0 % 4 })
        XCTAssertFalse(rule.converged(fourProcesses), "40 equal samples from 4 processes")
        let fiveProcesses = UnitSamples(Array(repeating: 5, count: 40), rounds: (0..<40).map { $0 % 5 })
        XCTAssertTrue(rule.converged(fiveProcesses))
        XCTAssertEqual(rule.spread(40, processes: 0), 8, "a fixed 40 spreads over 5 processes")
        XCTAssertEqual(rule.spread(10, processes: 4), 10, "the fifth process may take what is left")
        XCTAssertEqual(rule.spread(3, processes: 9), 3)
    }
}
