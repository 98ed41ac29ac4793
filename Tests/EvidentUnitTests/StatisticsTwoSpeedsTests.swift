import XCTest

@testable import EvidentEvidence

/// A machine that runs one code at two speeds is recognised from a cell's processes, and only then.
final class StatisticsTwoSpeedsTests: XCTestCase {
    /// `perProcess` samples around each of `centres`, one process (round) per centre.
    private func samples(_ centres: [Double], perProcess: Int = 20) -> (values: [Double], rounds: [Int]) {
        var values: [Double] = []
        var rounds: [Int] = []
        for (round, centre) in centres.enumerated() {
            for index in 0..<perProcess {
                values.append(centre * (1 + 0.01 * Double(index % 5 - 2)))
                rounds.append(round)
            }
        }
        return (values, rounds)
    }

    func testProcessesAtTwoSpeedsAreFound() throws {
        let (values, rounds) = samples([1.15, 2.01, 1.16, 1.98, 2.02, 1.14, 1.17, 2.0])
        let speeds = try XCTUnwrap(TwoSpeeds(samples: values, rounds: rounds))
        XCTAssertEqual(speeds.fast, 1.155, accuracy: 0.01)
        XCTAssertEqual(speeds.slow, 2.005, accuracy: 0.01)
    }

    func testOneSpeedWithDriftOrASingleSlowProcessIsNotTwo() {
        let steady = samples([1.0, 1.02, 1.04, 1.06, 1.08, 1.1, 1.12, 1.14])
        XCTAssertNil(TwoSpeeds(samples: steady.values, rounds: steady.rounds), "a steady drift")
        let oneOff = samples([1.0, 1.01, 1.0, 1.02, 1.0, 1.01, 1.0, 1.9])
        XCTAssertNil(TwoSpeeds(samples: oneOff.values, rounds: oneOff.rounds), "one slow process")
        let few = samples([1.0, 2.0, 1.0, 2.0])
        XCTAssertNil(TwoSpeeds(samples: few.values, rounds: few.rounds), "too few processes to tell")
    }
}
