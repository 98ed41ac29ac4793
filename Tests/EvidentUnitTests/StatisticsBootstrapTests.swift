import Foundation
import XCTest

@testable import EvidentEvidence

/// The generator, the shuffle and the bootstrap ratio against the Python reference using the same algorithm
/// (`Tests/Fixtures/statistics/reference.py`), plus a coverage check on known distributions.
final class StatisticsBootstrapTests: XCTestCase {
    private struct GeneratorFixture: Decodable {
        var seed: UInt64
        var next: [String]
        var belowSeed: UInt64
        var below: [String]
        var belowBounds: [String]
        var shuffleSeed: UInt64
        var shuffled: [Int]
    }

    private struct BootstrapFixture: Decodable {
        var a: [Double]
        var b: [Double]
        var resamples: Int
        var seed: UInt64
        var ratio: Double
        var lower: Double
        var upper: Double
    }

    func testGeneratorMatchesReference() throws {
        let fixture = try loadStatisticsFixture(GeneratorFixture.self, "splitmix64.json")
        var random = SplitMix64(seed: fixture.seed)
        XCTAssertEqual((0..<5).map { _ in random.next() }, fixture.next.map { UInt64($0)! })

        var bounded = SplitMix64(seed: fixture.belowSeed)
        let draws = fixture.belowBounds.map { bounded.next(below: UInt64($0)!) }
        XCTAssertEqual(draws, fixture.below.map { UInt64($0)! })

        var shuffled = Array(0..<20)
        var shuffler = SplitMix64(seed: fixture.shuffleSeed)
        shuffler.shuffle(&shuffled)
        XCTAssertEqual(shuffled, fixture.shuffled)
    }

    func testBootstrapMatchesReferenceBitForBit() throws {
        for fixture in try loadStatisticsCases(BootstrapFixture.self, "bootstrap.json", count: 5) {
            let estimate = try XCTUnwrap(
                RatioEstimate(fixture.a, over: fixture.b, resamples: fixture.resamples, seed: fixture.seed))
            XCTAssertEqual(estimate.ratio, fixture.ratio)
            XCTAssertEqual(estimate.ci, fixture.lower...fixture.upper)
        }
    }

    func testBootstrapIsDeterministicAndIndependentOfSampleOrder() throws {
        let a: [Double] = [12, 15, 11, 19, 14, 13, 18, 16, 12, 17]
        let b: [Double] = [10, 9, 11, 12, 10, 8, 9, 13]
        let first = try XCTUnwrap(RatioEstimate(a, over: b))
        XCTAssertEqual(try XCTUnwrap(RatioEstimate(a, over: b)), first)
        XCTAssertEqual(try XCTUnwrap(RatioEstimate(a.reversed(), over: b.shuffled())), first)
        XCTAssertTrue(first.ci.contains(first.ratio))
    }

    func testUndefinedRatiosHaveNoEstimate() {
        XCTAssertNil(RatioEstimate([], over: [1, 2]))
        XCTAssertNil(RatioEstimate([1, 2], over: []))
        XCTAssertNil(RatioEstimate([1, 2, 3], over: [0, 0, 1]))
        XCTAssertNil(RatioEstimate([1, -2, 3], over: [1, 2, 3]))
        XCTAssertNil(RatioEstimate([1, 2, 3], over: [1, .nan, 3]))
        XCTAssertNil(RatioEstimate([5, 5, 5, 5], over: [0, 0, 1, 9]))
    }

    func testZeroNumeratorGivesZeroRatio() throws {
        let estimate = try XCTUnwrap(RatioEstimate([0, 0, 0, 0], over: [3, 4, 5, 6]))
        XCTAssertEqual(estimate.ratio, 0)
        XCTAssertEqual(estimate.ci, 0...0)
    }

    func testRatioEncodesToStoredEvidenceKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(RatioEstimate(ratio: 0.5, ci: 0.25...0.75)), as: UTF8.self)
        XCTAssertEqual(json, #"{"ci":[0.25,0.75],"ratio":0.5}"#)
    }

    /// Two exponential samples whose true medians differ by a factor of 3: the interval contains 3 in most
    /// trials (the percentile bootstrap of a median runs a little short of 95% on small samples).
    func testBootstrapCoversTrueRatio() throws {
        var random = SplitMix64(seed: 2024)
        var covered = 0
        let trials = 40
        for trial in 0..<trials {
            let a = (0..<40).map { _ in 3 * exponential(&random) }
            let b = (0..<30).map { _ in exponential(&random) }
            let estimate = try XCTUnwrap(RatioEstimate(a, over: b, seed: UInt64(trial)))
            if estimate.ci.contains(3) { covered += 1 }
        }
        XCTAssertGreaterThanOrEqual(Double(covered) / Double(trials), 0.85)
    }

    func testLargeSamplesAreFast() throws {
        var random = SplitMix64(seed: 5)
        let a = (0..<2_000).map { _ in exponential(&random) }
        let b = (0..<2_000).map { _ in exponential(&random) }
        let start = Date()
        let estimate = try XCTUnwrap(RatioEstimate(a, over: b))
        XCTAssertLessThan(estimate.ci.lowerBound, estimate.ci.upperBound)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "2,000 resamples of 2 × 2,000 values")
    }
}
