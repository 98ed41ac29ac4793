import Foundation
import XCTest

@testable import EvidentEvidence

/// The drift between runs (`RunDrift`): Student's t quantile, the pooled spread, and the widened interval.
final class StatisticsRunDriftTests: XCTestCase {
    func testStudentQuantileMatchesTheTableAndItsExpansion() {
        XCTAssertEqual(RunDrift.studentQuantile(degreesOfFreedom: 1), 12.706)
        XCTAssertEqual(RunDrift.studentQuantile(degreesOfFreedom: 30), 2.042)
        // Exact values: t(0.975; 31) = 2.03951, t(0.975; 100) = 1.98397, t(0.975; 1000) = 1.96234.
        XCTAssertEqual(RunDrift.studentQuantile(degreesOfFreedom: 31), 2.03951, accuracy: 0.001)
        XCTAssertEqual(RunDrift.studentQuantile(degreesOfFreedom: 100), 1.98397, accuracy: 0.001)
        XCTAssertEqual(RunDrift.studentQuantile(degreesOfFreedom: 1000), 1.96234, accuracy: 0.001)
    }

    func testNoEarlierRunOrAValueThatIsNotFiniteGivesNoDrift() {
        XCTAssertNil(RunDrift(pooling: []))
        XCTAssertNil(RunDrift(pooling: [[1], [2]]), "a series of this run alone has no spread between runs")
        XCTAssertNil(RunDrift(pooling: [[1, .infinity]]))
    }

    func testPositiveValuesDriftInProportion() throws {
        let drift = try XCTUnwrap(RunDrift(pooling: [[2, 1], [5]]))
        XCTAssertTrue(drift.logarithmic)
        XCTAssertEqual(drift.degreesOfFreedom, 1)
        XCTAssertEqual(drift.spread, log(2) / 2.squareRoot(), accuracy: 1e-12)
        let widened = drift.widen(1.9...2.1, series: [2])
        let reach = 12.706 * log(2)  // t · s · √2, s = log 2 / √2: no earlier run of this cell
        XCTAssertEqual(widened.lowerBound, 2 * exp(-reach), accuracy: 1e-9)
        XCTAssertEqual(widened.upperBound, 2 * exp(reach), accuracy: 1e-6)
    }

    func testTheIntervalIsCentredOnTheSeriesMeanAndNarrowsAsRunsAddUp() throws {
        let drift = try XCTUnwrap(RunDrift(pooling: [[1, 2, 1.5], [2, 1, 1.5], [1, 2, 1.5], [2, 1, 1.5]]))
        let series = [1.0, 2, 1.5]
        let widened = drift.widen(0.99...1.01, series: series)
        // Centre: the geometric mean ∛3; reach t(8) · s · √(1 + 1/3).
        let reach = 2.306 * drift.spread * (4.0 / 3).squareRoot()
        XCTAssertEqual(widened.lowerBound, pow(3, 1.0 / 3) * exp(-reach), accuracy: 1e-9)
        XCTAssertEqual(widened.upperBound, pow(3, 1.0 / 3) * exp(reach), accuracy: 1e-9)
        let fewer = drift.widen(0.99...1.01, series: [1, 2])
        XCTAssertLessThan(widened.upperBound / widened.lowerBound, fewer.upperBound / fewer.lowerBound)
        XCTAssertEqual(drift.widen(0.1...9, series: series), 0.1...9, "never narrower than the run's own interval")
    }

    func testRunsAtTwoSpeedsSpreadAroundEachSpeedAndTheIntervalReachesFromOneToTheOther() throws {
        // A CPU loop whose runs fell at about 0.52 and 0.91 ms: five fast runs, three slow ones.
        let series = [0.51, 0.52, 0.50, 0.53, 0.52, 0.90, 0.93, 0.91]
        let states = try XCTUnwrap(RunStates(points: series.map { log($0) }))
        XCTAssertEqual(states.fast.runs, 5)
        XCTAssertEqual(states.slow.runs, 3)
        XCTAssertEqual(states.degreesOfFreedom, 6)
        let drift = try XCTUnwrap(RunDrift(pooling: [series]))
        XCTAssertEqual(drift.degreesOfFreedom, 6)
        XCTAssertEqual(drift.spread, (states.squares / 6).squareRoot(), accuracy: 1e-12)
        XCTAssertLessThan(drift.spread, 0.03, "the spread within a speed, not between the two")
        let widened = drift.widen(0.50...0.53, series: series)
        let t = 2.447
        XCTAssertEqual(widened.lowerBound, exp(states.fast.mean - t * drift.spread * 1.2.squareRoot()), accuracy: 1e-9)
        XCTAssertEqual(
            widened.upperBound, exp(states.slow.mean + t * drift.spread * (4.0 / 3).squareRoot()), accuracy: 1e-9)
        XCTAssertLessThan(widened.upperBound / widened.lowerBound, 2.2, "one normal spread over both: about 3.4×")
        XCTAssertTrue(series.allSatisfy { widened.contains($0) })
    }

    func testRunsAreTakenAsTwoSpeedsOnlyWhenTwoGroupsFarApartExplainTheirSpread() {
        XCTAssertNil(RunStates(points: [0.5, 0.9, 0.5].map { log($0) }), "too few runs to tell")
        XCTAssertNil(RunStates(points: [1.0, 1.02, 1.08, 1.1].map { log($0) }), "groups under 1.25× apart")
        XCTAssertNil(
            RunStates(points: [0.5, 0.6, 0.7, 0.8, 0.9, 1.0].map { log($0) }), "an even spread is not two groups")
        XCTAssertNotNil(RunStates(points: [0.5, 0.52, 0.9, 0.88].map { log($0) }))
    }

    func testSeriesArePooledByTheirDegreesOfFreedom() throws {
        let drift = try XCTUnwrap(RunDrift(pooling: [[exp(1), 1], [1, exp(1), 1]]))
        // Sums of squares 0.5 and 2/3 over 1 + 2 degrees of freedom.
        XCTAssertEqual(drift.degreesOfFreedom, 3)
        XCTAssertEqual(drift.spread, ((0.5 + 2.0 / 3) / 3).squareRoot(), accuracy: 1e-12)
    }

    func testAVariantThatDidNotMoveKeepsItsInterval() throws {
        let drift = try XCTUnwrap(RunDrift(pooling: [[10, 10, 10]]))
        XCTAssertEqual(drift.widen(9...11, series: [10, 10, 10]), 9...11)
    }

    func testValuesNotAllPositiveDriftByDifferencesAndANonNegativeIntervalStaysNonNegative() throws {
        let drift = try XCTUnwrap(RunDrift(pooling: [[0, 4]]))
        XCTAssertFalse(drift.logarithmic)
        let reach = 12.706 * 8.0.squareRoot() * 2.squareRoot()
        XCTAssertEqual(drift.widen(0...1, series: [0]), 0...reach)
        XCTAssertEqual(drift.widen(-1...1, series: [0]), -reach...reach)
    }

    func testARatioKeepsItsOwnIntervalAndTurnsItAroundWithTheReciprocal() throws {
        let drift = try XCTUnwrap(RunDrift(pooling: [[0.5, 0.4]]))
        let estimate = RatioEstimate(ratio: 0.5, ci: 0.49...0.51).widened(by: drift)
        XCTAssertEqual(estimate.runCI, 0.49...0.51)
        XCTAssertTrue(estimate.ci.contains(0.4))
        XCTAssertEqual(estimate.widened(by: drift).runCI, 0.49...0.51, "widening again keeps the run's own")
        XCTAssertEqual(estimate.reciprocal.runCI, 1 / 0.51...1 / 0.49)
    }
}

extension StatisticsRunDriftTests {
    func testAVariantWithFewRunsBorrowsFreedomFromItsDirectiveAndOneWithEnoughKeepsItsOwn() throws {
        // The directive's pool: 10 % drift between runs, many degrees of freedom.
        let pool = try XCTUnwrap(RunDrift(pooling: (0..<8).map { _ in [1.0, 1.1] }))
        let steady = [[1.0, 1.001]]  // one earlier run, 0.1 % apart
        let few = try XCTUnwrap(RunDrift(own: steady, borrowingFrom: pool))
        XCTAssertEqual(few.degreesOfFreedom, pool.degreesOfFreedom, "t at the pool's degrees of freedom, not at one")
        XCTAssertGreaterThan(few.spread, try XCTUnwrap(RunDrift(pooling: steady)).spread)
        XCTAssertLessThan(few.spread, pool.spread)

        let many = [[1.0, 1.001, 0.999, 1.0, 1.001]]  // four earlier runs: its own
        let own = try XCTUnwrap(RunDrift(own: many, borrowingFrom: pool))
        XCTAssertEqual(own, try XCTUnwrap(RunDrift(pooling: many)))
        XCTAssertNil(RunDrift(own: [[1.0]], borrowingFrom: pool), "no earlier run of its own: nothing to widen")
    }
}
