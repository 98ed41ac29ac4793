import XCTest

@testable import EvidentEvidence

/// Variants that shared a process are compared pair by pair; variants of different processes never are, even when
/// each process counts its pairs from 0 in the same round.
final class PairedSamplesTests: XCTestCase {
    func testTheRatioIsTheMedianOfThePairsAndAMachineSlowdownHittingBothCancels() throws {
        // Every pair at one of two speeds, b always 5 % slower than a in its pair.
        let speeds = (0..<40).map { $0 % 3 == 0 ? 2.0 : 1.15 }
        let a = speeds
        let b = speeds.map { $0 * 1.05 }
        let rounds = (0..<40).map { $0 / 8 }
        let pairs = (0..<40).map { $0 % 8 }
        let estimate = try XCTUnwrap(
            RatioEstimate(b, rounds: rounds, pairs: pairs, over: a, rounds: rounds, pairs: pairs))
        XCTAssertEqual(estimate.ratio, 1.05, accuracy: 1e-9)
        XCTAssertEqual(estimate.ci.lowerBound, 1.05, accuracy: 1e-9)
        XCTAssertEqual(estimate.ci.upperBound, 1.05, accuracy: 1e-9)
        XCTAssertEqual(estimate.pairs, 40)
        let apart = try XCTUnwrap(RatioEstimate(b, rounds: rounds, over: a, rounds: rounds))
        XCTAssertGreaterThan(apart.ci.upperBound / apart.ci.lowerBound, 1.2, "the same samples unpaired are wide")
    }

    func testSamplesOfTwoProcessesOfOneRoundAreNotPaired() {
        var taken = TakenSamples(units: 2)
        let outcome = UnitLauncher.Outcome(
            samples: [["wall_ns": [1, 2, 3]]], pairs: [["wall_ns": [0, 1, 2]]], wallNanoseconds: 10)
        taken.add(outcome, member: 0, unit: 0, round: 0, process: 0)
        taken.add(outcome, member: 0, unit: 1, round: 0, process: 1)
        let units = [
            MeasurementUnit(variant: BenchVariant(name: "a", source: .command("true")), params: [:]),
            MeasurementUnit(variant: BenchVariant(name: "b", source: .command("true")), params: [:]),
        ]
        let series = taken.series(units, metrics: ["wall_ns"])
        XCTAssertTrue(Set(series[0].pairs).isDisjoint(with: series[1].pairs))
        XCTAssertNil(
            PairedSamples(
                series[0].samples, rounds: series[0].rounds, pairs: series[0].pairs, series[1].samples,
                rounds: series[1].rounds, pairs: series[1].pairs))
    }
}
