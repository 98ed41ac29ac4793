import Foundation
import XCTest

@testable import EvidentEvidence

/// Summaries, quantiles and the median interval against reference values from Python's `statistics` module and
/// exact binomial arithmetic (`Tests/Fixtures/statistics/reference.py`).
final class StatisticsTests: XCTestCase {
    private struct SummaryFixture: Decodable {
        var sample: [Double]
        var median: Double
        var mad: Double
        var min: Double
        var max: Double
        var outliers: Int
        var quantiles40: [Double]
    }

    private struct RanksFixture: Decodable {
        var n: Int
        var lower: Int
        var upper: Int
        var coverage: Double
        var reaches95: Bool
    }

    func testSummaryMatchesPythonStatistics() throws {
        for fixture in try loadStatisticsCases(SummaryFixture.self, "summaries.json", count: 9) {
            let summary = try XCTUnwrap(Summary(of: fixture.sample))
            XCTAssertEqual(summary.n, fixture.sample.count)
            XCTAssertEqual(summary.median, fixture.median, "\(fixture.sample)")
            XCTAssertEqual(summary.mad, fixture.mad, "\(fixture.sample)")
            XCTAssertEqual(summary.min, fixture.min)
            XCTAssertEqual(summary.max, fixture.max)
            XCTAssertEqual(summary.outliers, fixture.outliers, "\(fixture.sample)")
        }
    }

    func testQuantileCutsMatchPythonInclusiveQuantiles() throws {
        let fixtures = try loadStatisticsCases(SummaryFixture.self, "summaries.json", count: 9)
        for fixture in fixtures where fixture.sample.count > 1 {
            let sorted = fixture.sample.sorted()
            let cuts = (1..<40).map { Quantile.cut($0, of: 40, sorted: sorted) }
            XCTAssertEqual(cuts, fixture.quantiles40, "\(fixture.sample)")
        }
    }

    func testMedianIntervalMatchesExactBinomial() throws {
        for fixture in try loadStatisticsCases(RanksFixture.self, "median_ranks.json", count: 304) {
            let interval = MedianInterval(count: fixture.n)
            XCTAssertEqual(interval.lowerRank, fixture.lower, "n=\(fixture.n)")
            XCTAssertEqual(interval.upperRank, fixture.upper, "n=\(fixture.n)")
            XCTAssertEqual(interval.coverage, fixture.coverage, accuracy: 1e-12, "n=\(fixture.n)")
            XCTAssertEqual(interval.reachesConfidence, fixture.reaches95, "n=\(fixture.n)")
        }
    }

    func testConfidenceIntervalUsesOrderStatistics() throws {
        let summary = try XCTUnwrap(Summary(of: [7, 3, 10, 1, 5, 9, 2, 8, 4, 6]))
        XCTAssertEqual(summary.median, 5.5)
        XCTAssertEqual(summary.ci, 2...9)
        XCTAssertTrue(summary.ciReachesConfidence)
        XCTAssertEqual(MedianInterval(count: summary.n).coverage, 1 - 22.0 / 1024, accuracy: 1e-15)
        XCTAssertEqual(summary.relativeHalfWidth, 3.5 / 5.5, accuracy: 1e-15)
    }

    func testTinySampleFallsBackToMinMaxAndSaysSo() throws {
        let summary = try XCTUnwrap(Summary(of: [4, 1, 3, 5, 2]))
        XCTAssertEqual(summary.ci, 1...5)
        XCTAssertFalse(summary.ciReachesConfidence)
        XCTAssertEqual(MedianInterval(count: summary.n).coverage, 0.9375)
        let single = try XCTUnwrap(Summary(of: [42]))
        XCTAssertEqual(single.ci, 42...42)
        XCTAssertEqual(single.mad, 0)
        XCTAssertEqual(single.relativeHalfWidth, 0)
        XCTAssertFalse(single.ciReachesConfidence)
    }

    func testOutliersAreCountedNotDropped() throws {
        let summary = try XCTUnwrap(Summary(of: [10, 11, 9, 10, 12, 8, 10, 100]))
        XCTAssertEqual(summary.outliers, 1)
        XCTAssertEqual(summary.max, 100)
        XCTAssertEqual(summary.n, 8)
    }

    func testRelativeHalfWidthWithZeroMedian() throws {
        XCTAssertEqual(try XCTUnwrap(Summary(of: [0, 0, 0, 0, 0, 0])).relativeHalfWidth, 0)
        XCTAssertEqual(try XCTUnwrap(Summary(of: [-1, 0, 0, 0, 0, 1])).relativeHalfWidth, .infinity)
    }

    func testNoSummaryOfEmptyOrNonFiniteSample() {
        XCTAssertNil(Summary(of: []))
        XCTAssertNil(Summary(of: [1, .nan]))
        XCTAssertNil(Summary(of: [1, .infinity]))
    }

    func testSummaryEncodesToStoredEvidenceKeys() throws {
        let summary = try XCTUnwrap(Summary(of: [1, 2, 3, 4, 5, 6]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(summary), as: UTF8.self)
        XCTAssertEqual(json, #"{"ci":[1,6],"mad":1.5,"max":6,"median":3.5,"min":1,"n":6,"outliers":0}"#)
        XCTAssertEqual(try JSONDecoder().decode(Summary.self, from: Data(json.utf8)), summary)
    }

    /// The order-statistics interval covers the true median of an exponential distribution (ln 2) in about 95% of
    /// samples or more; it is conservative, never short.
    func testMedianIntervalCoverage() throws {
        var random = SplitMix64(seed: 11)
        var covered = 0
        let trials = 400
        for _ in 0..<trials {
            let sample = (0..<25).map { _ in exponential(&random) }
            if try XCTUnwrap(Summary(of: sample)).ci.contains(log(2.0)) { covered += 1 }
        }
        XCTAssertGreaterThanOrEqual(Double(covered) / Double(trials), 0.93)
    }
}

/// An exponentially distributed value with mean 1, from a uniform draw.
func exponential(_ random: inout SplitMix64) -> Double {
    let uniform = (Double(random.next() >> 11) + 0.5) / Double(1 << 53)
    return -log(uniform)
}

/// Decodes a JSON fixture from `Tests/Fixtures/statistics/`.
/// The cases of the array in `Fixtures/statistics/<name>`, failing the test unless there are `count` of them: a
/// fixture emptied or cut short would otherwise pass every loop over it.
func loadStatisticsCases<T: Decodable>(
    _ type: T.Type, _ name: String, count: Int, file: StaticString = #filePath, line: UInt = #line
) throws -> [T] {
    let cases = try loadStatisticsFixture([T].self, name)
    XCTAssertEqual(cases.count, count, "\(name) holds \(cases.count) cases", file: file, line: line)
    return cases
}

func loadStatisticsFixture<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/statistics/\(name)")
    return try JSONDecoder().decode(type, from: Data(contentsOf: url))
}
