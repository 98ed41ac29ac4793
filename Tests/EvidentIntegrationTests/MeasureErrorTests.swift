import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

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

    func testAnExperimentThatPrintsNothingIsPointedAtItsMissingMain() throws {
        try (BundledHelpers.text(BundledHelpers.python) ?? "").write(
            to: essay.folder.appendingPathComponent("experiments/evident_bench.py"), atomically: true, encoding: .utf8)
        try """
        from evident_bench import Bench

        bench = Bench()


        @bench.variant("quiet")
        def quiet():
            pass
        """.write(to: essay.folder.appendingPathComponent("experiments/quiet.py"), atomically: true, encoding: .utf8)
        do {
            _ = try essay.measure(
                """
                id: quiet
                title: Quiet
                experiment: experiments/quiet.py
                variants: [quiet]
                samples: 2
                """)
            XCTFail("an experiment that printed nothing was measured")
        } catch let error as EvidentError {
            XCTAssertTrue(error.message.hasSuffix("printed no `wall_ns` samples, no samples at all"), error.message)
            XCTAssertTrue(
                error.fix?.hasPrefix(
                    "an experiment that uses the helper must end with `bench.main()` (under `if __name__ == "
                        + #""__main__":`)"#) ?? false, error.fix ?? "no fix")
        }
    }
}
