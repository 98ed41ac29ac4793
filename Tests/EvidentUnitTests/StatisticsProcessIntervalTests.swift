import Foundation
import XCTest

@testable import EvidentEvidence

/// The intervals over processes: a cell's from the hierarchical bootstrap (processes, then samples within them),
/// a ratio's from the rounds both variants ran in, on data whose answer is known.
final class StatisticsProcessIntervalTests: XCTestCase {
    /// `processes` processes of `perProcess` samples each; process `p`'s samples are `level(p)` spread by ±1%.
    private func clustered(processes: Int, perProcess: Int, level: (Int) -> Double) -> (
        values: [Double], rounds: [Int]
    ) {
        var values: [Double] = []
        var rounds: [Int] = []
        for process in 0..<processes {
            for sample in 0..<perProcess {
                values.append(level(process) * (1 + 0.02 * (Double(sample) / Double(perProcess - 1) - 0.5)))
                rounds.append(process)
            }
        }
        return (values, rounds)
    }

    private func width(_ range: ClosedRange<Double>) -> Double { range.upperBound - range.lowerBound }

    /// Samples of a real refresh (percentages of 179 requests) whose resampled medians round one digit past the
    /// largest sample: the stored interval must still lie within the samples, or the next build refuses the file.
    func testTheIntervalNeverLeavesTheSamplesRange() throws {
        let samples = [
            51.39664804469274, 54.74860335195531, 56.42458100558659, 53.63128491620112, 50.83798882681564,
            56.42458100558659,
        ]
        let summary = try XCTUnwrap(Summary(of: samples, rounds: [0, 0, 0, 0, 0, 1]))
        XCTAssertGreaterThanOrEqual(summary.ci.lowerBound, summary.min)
        XCTAssertLessThanOrEqual(summary.ci.upperBound, summary.max)
    }

    func testIdenticalProcessesGiveTheWithinProcessInterval() throws {
        let data = clustered(processes: 8, perProcess: 20) { _ in 100 }
        let summary = try XCTUnwrap(Summary(of: data.values, rounds: data.rounds))
        let onePerProcess = try XCTUnwrap(Summary(of: data.values, rounds: Array(data.values.indices)))
        XCTAssertEqual(summary.processes, 8)
        XCTAssertEqual(summary.median, 100, accuracy: 1e-9)
        // Drawing whole identical processes changes nothing: only the sampling within them is left, the same as
        // when every sample is its own process.
        XCTAssertEqual(width(summary.ci), width(onePerProcess.ci), accuracy: width(onePerProcess.ci) * 0.3)
        XCTAssertLessThan(width(summary.ci), 1.0, "within ±1% values, the interval of the median is narrow")
    }

    func testProcessesWithDifferentLevelsWidenIt() throws {
        let data = clustered(processes: 8, perProcess: 20) { 100 * (1 + 0.05 * Double($0 % 4)) }
        let summary = try XCTUnwrap(Summary(of: data.values, rounds: data.rounds))
        let withinRun = try XCTUnwrap(Summary(of: data.values))
        // Levels 100, 105, 110, 115: a rerun's median can land anywhere among them; 160 samples alone cannot say so.
        XCTAssertGreaterThan(width(summary.ci), 2 * width(withinRun.ci))
        XCTAssertGreaterThan(width(summary.ci), 5)
        XCTAssertTrue(summary.ci.contains(summary.median))
        XCTAssertTrue(summary.ci.lowerBound >= summary.min && summary.ci.upperBound <= summary.max)
    }

    func testTheIntervalIsSeededAndIgnoresTheOrderOfSamples() throws {
        let data = clustered(processes: 6, perProcess: 5) { 50 + Double($0) }
        let first = try XCTUnwrap(Summary(of: data.values, rounds: data.rounds))
        let pairs = zip(data.values, data.rounds).reversed()
        let reversed = try XCTUnwrap(Summary(of: pairs.map(\.0), rounds: pairs.map(\.1)))
        XCTAssertEqual(first, reversed)
        XCTAssertEqual(first, Summary(of: data.values, rounds: data.rounds))
    }

    func testAnIntervalCoversRerunsFromFiveProcessesOn() throws {
        for (processes, covers) in [(1, false), (4, false), (5, true), (9, true)] {
            let data = clustered(processes: processes, perProcess: 4) { _ in 10 }
            let summary = try XCTUnwrap(Summary(of: data.values, rounds: data.rounds))
            XCTAssertEqual(summary.processes, processes)
            XCTAssertEqual(summary.ciCoversReruns, covers, "\(processes) processes")
        }
        XCTAssertNil(try XCTUnwrap(Summary(of: [1, 2, 3])).processes, "no rounds: within-run only")
        XCTAssertFalse(try XCTUnwrap(Summary(of: [1, 2, 3, 4, 5, 6, 7])).ciCoversReruns)
        XCTAssertNil(Summary(of: [1, 2, 3], rounds: [0, 1]), "one round per sample")
    }

    func testARatioPairedByRoundCancelsDriftThatBothVariantsShare() throws {
        // The machine slows by 10% a round; B always takes twice A's time in the same round.
        let a = clustered(processes: 8, perProcess: 10) { 100 * (1 + 0.1 * Double($0)) }
        let b = clustered(processes: 8, perProcess: 10) { 200 * (1 + 0.1 * Double($0)) }
        let paired = try XCTUnwrap(RatioEstimate(b.values, rounds: b.rounds, over: a.values, rounds: a.rounds))
        let unpaired = try XCTUnwrap(RatioEstimate(b.values, over: a.values))
        XCTAssertEqual(paired.rounds, 8)
        XCTAssertNil(unpaired.rounds)
        XCTAssertEqual(paired.ratio, unpaired.ratio, "the same ratio of medians")
        XCTAssertEqual(paired.ratio, 2, accuracy: 0.01)
        XCTAssertGreaterThan(paired.ci.lowerBound, 1.9)
        XCTAssertLessThan(paired.ci.upperBound, 2.1)
        let cellA = try XCTUnwrap(Summary(of: a.values, rounds: a.rounds))
        XCTAssertGreaterThan(cellA.relativeHalfWidth, 0.1, "each cell alone moves with the machine")
    }

    func testARatioWithoutRoundsInCommonIsJudgedAsBefore() throws {
        let a = [10.0, 11, 12, 13, 14, 15]
        let b = [20.0, 21, 22, 23, 24, 25]
        XCTAssertEqual(RatioEstimate(a, rounds: [], over: b, rounds: []), RatioEstimate(a, over: b))
        XCTAssertEqual(
            RatioEstimate(a, rounds: [0, 0, 0, 1, 1, 1], over: b, rounds: [2, 2, 2, 3, 3, 3]),
            RatioEstimate(a, over: b))
        XCTAssertNil(
            RatioEstimate(a, rounds: [0, 0, 0, 1, 1, 1], over: [0, 0, 0, 0, 0, 0], rounds: [0, 0, 0, 1, 1, 1]))
    }

    func testProcessMetricsOneSamplePerProcessBehaveLikeIndependentSamples() throws {
        let values = (0..<40).map { 1000 + Double(($0 * 37) % 40) }
        let summary = try XCTUnwrap(Summary(of: values, rounds: Array(0..<40)))
        XCTAssertEqual(summary.processes, 40)
        let orderStatistics = try XCTUnwrap(Summary(of: values)).ci
        XCTAssertEqual(width(summary.ci), width(orderStatistics), accuracy: width(orderStatistics) * 0.5)
    }
}
