import EvidentSystem
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

final class RunnerExperimentOutputTests: XCTestCase {
    private let location = SourceLocation(file: "content/essay/index.md", line: 12)

    private func parse(_ text: String, stderr: String = "") throws -> [ExperimentSample] {
        try ExperimentOutput.samples(
            from: Data(text.utf8), stderrTail: stderr, named: "experiment experiments/x.py", at: location)
    }

    private func error(_ text: String, stderr: String = "") -> EvidentError? {
        do {
            _ = try parse(text, stderr: stderr)
            return nil
        } catch {
            return error as? EvidentError
        }
    }

    func testReadsSamplesAndKeepsExtraKeys() throws {
        let samples = try parse(
            """
            {"metric":"wall_ns","value":2143210}

            {"metric": "wall_ns", "value": 1.5e3, "number": 8, "note": "x", "ok": true, "tags": [1, null]}\r
            {"metric":"delta_bytes","value":0}
            {"metric":"balance","value":-3}
            {"metric":"wall_ns","value":1e-310}
            {"metric":"wall_ns","value":-0.0}
            """)
        XCTAssertEqual(
            samples,
            [
                ExperimentSample(metric: "wall_ns", value: 2_143_210),
                ExperimentSample(
                    metric: "wall_ns", value: 1500,
                    extra: [
                        "number": .number(8), "note": .string("x"), "ok": .bool(true),
                        "tags": .array([.number(1), .null]),
                    ]
                ),
                ExperimentSample(metric: "delta_bytes", value: 0),
                ExperimentSample(metric: "balance", value: -3),
                ExperimentSample(metric: "wall_ns", value: 1e-310),
                ExperimentSample(metric: "wall_ns", value: -0.0),
            ])
        XCTAssertEqual(try parse(""), [])
    }

    func testQuotesTheBadLineWithItsNumberAndTheStderrTail() throws {
        let failure = try XCTUnwrap(error("{\"metric\":\"a\",\"value\":1}\n\nwarming up...\n", stderr: "hint\n"))
        XCTAssertEqual(failure.kind, .experiment)
        XCTAssertEqual(failure.location, location)
        guard
            case .notASample(let program, let line, let text, let problem, _, let stderr)? =
                failure.reason(ExperimentFailure.self)
        else { return XCTFail("\(failure)") }
        XCTAssertEqual(program, "experiment experiments/x.py")
        XCTAssertEqual(line, 3)
        XCTAssertEqual(text, "warming up...")
        XCTAssertEqual(problem, "not JSON")
        XCTAssertEqual(stderr, "hint\n")
        // The English of the experiment family, as a user reads it.
        XCTAssertTrue(failure.message.contains("line 3, not JSON: `warming up...`"), failure.message)
        XCTAssertTrue(failure.message.hasSuffix("stderr ends with:\n    hint\n"), failure.message)
    }

    func testRejectsEachKindOfBadLine() {
        let cases = [
            "[1, 2]": "not an object",
            #"{"value": 1}"#: #""metric" is missing"#,
            #"{"metric": "", "value": 1}"#: #""metric" is missing or not a non-empty string"#,
            #"{"metric": 3, "value": 1}"#: #""metric" is missing"#,
            #"{"metric": "a"}"#: #""value" is missing"#,
            #"{"metric": "a", "value": "1"}"#: #""value" is missing or not a finite number"#,
            #"{"metric": "a", "value": true}"#: #""value" is missing or not a finite number"#,
            #"{"metric": "a", "value": NaN}"#: "value is not a finite number",
            #"{"metric": "a", "value": 1} {}"#: "not JSON",
            #"{"metric": "a", "value": 1e999}"#: "not JSON",
            #"{"metric": "a", "value": -1e301}"#: "`a` value -1e+301 is beyond ±1e300",
            #"{"metric": "wall_ns", "value": -1}"#: "`wall_ns` value -1.0 is negative, and a time cannot be",
            #"{"metric": "took_s", "value": -1e-310}"#: "`took_s` value -1e-310 is negative, and a time cannot be",
            #"{"metric": "peak_bytes", "value": -3}"#: "`peak_bytes` value -3.0 is negative, and a size cannot be",
            #"{"metric": "ops_per_s", "value": -0.5}"#: "`ops_per_s` value -0.5 is negative, and a rate cannot be",
        ]
        for (line, reason) in cases {
            let message = error(line)?.message ?? "accepted"
            XCTAssertTrue(message.contains("line 1, \(reason)"), "\(line): \(message)")
        }
    }

    func testAValueOutOfRangeSaysWhatTheMetricTakes() throws {
        let failure = try XCTUnwrap(
            error(#"{"metric":"wall_ns","value":1}"# + "\n" + #"{"metric":"wall_ns","value":-2}"#))
        XCTAssertEqual(
            failure.description,
            "content/essay/index.md:12: experiment experiments/x.py printed a line that is not a sample: line 2, "
                + #"`wall_ns` value -2.0 is negative, and a time cannot be: `{"metric":"wall_ns","value":-2}` "#
                + "— report times as numbers from 0 up to 1e300")
        let count = try XCTUnwrap(error(#"{"metric":"n","value":2e300}"#))
        XCTAssertTrue(count.description.hasSuffix("— report finite values of at most 1e300 in magnitude"), "\(count)")
    }

    func testTruncatesALongBadLine() throws {
        let failure = try XCTUnwrap(error(String(repeating: "x", count: 5000)))
        XCTAssertTrue(failure.message.contains("`" + String(repeating: "x", count: 120) + "…`"))
        XCTAssertLessThan(failure.message.count, 400)
    }

    func testProcessMetricsComeFromTheProcess() throws {
        let result = try Subprocess(["true"], environment: Subprocess.cleanEnvironment()).run()
        let samples = result.processSamples
        XCTAssertEqual(samples.map(\.metric), ["process_wall_ns", "process_cpu_ns", "process_max_rss_bytes"])
        XCTAssertEqual(samples[0].value, Double(result.wallNanoseconds))
        XCTAssertGreaterThan(samples[2].value, 0)
    }
}
