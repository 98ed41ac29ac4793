import Foundation
import XCTest

@testable import EvidentCore

final class MeasureErrorTests: XCTestCase {
    private var essay: MeasureTestEssay!

    override func setUpWithError() throws {
        essay = try MeasureTestEssay()
    }

    private func failure(_ variant: String, metric: String = "wall_ns") -> EvidentError? {
        do {
            _ = try essay.measure(
                """
                id: failing
                title: Failing
                experiment: experiments/sleeps.py
                variants: [short, \(variant)]
                params: {scale: 0.1}
                metric: \(metric)
                samples: 2
                """)
            return nil
        } catch {
            return error as? EvidentError
        }
    }

    func testACrashNamesTheDirectiveTheExperimentAndTheCell() throws {
        let error = try XCTUnwrap(failure("crash"))
        XCTAssertEqual(error.kind, .experiment)
        XCTAssertEqual(error.location, SourceLocation(file: "content/x/index.md", line: 10))
        XCTAssertTrue(
            error.message.hasPrefix(
                "experiment experiments/sleeps.py (variant crash at scale=0.1) exited with status 1"),
            error.message)
        XCTAssertTrue(error.message.contains("boom: the experiment crashed"), error.message)
    }

    func testGarbageOutputIsQuoted() throws {
        let error = try XCTUnwrap(failure("garbage"))
        XCTAssertEqual(error.location?.line, 10)
        XCTAssertTrue(error.message.hasPrefix("experiment experiments/sleeps.py (variant garbage at scale=0.1)"))
        XCTAssertTrue(error.message.contains("`hello, not a sample`"), error.message)
    }

    func testAMissingMetricIsAnError() throws {
        let error = try XCTUnwrap(failure("elsewhere"))
        XCTAssertEqual(error.location?.line, 10)
        XCTAssertEqual(
            error.message,
            "experiment experiments/sleeps.py (variant elsewhere at scale=0.1) printed no `wall_ns` samples, "
                + "only `other_ns`")
        let second = try XCTUnwrap(failure("long", metric: "[wall_ns, cycles]"))
        XCTAssertTrue(
            second.message.contains("printed no `cycles` samples, only `wall_ns`"), second.message)
    }
}
