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
            {"metric":"peak_bytes","value":-3}
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
                ExperimentSample(metric: "peak_bytes", value: -3),
            ])
        XCTAssertEqual(try parse(""), [])
    }

    func testQuotesTheBadLineWithItsNumberAndTheStderrTail() throws {
        let failure = try XCTUnwrap(error("{\"metric\":\"a\",\"value\":1}\n\nwarming up...\n", stderr: "hint\n"))
        XCTAssertEqual(failure.kind, .experiment)
        XCTAssertEqual(failure.location, location)
        XCTAssertTrue(failure.message.contains("experiment experiments/x.py"), failure.message)
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
        ]
        for (line, reason) in cases {
            let message = error(line)?.message ?? "accepted"
            XCTAssertTrue(message.contains("line 1, \(reason)"), "\(line): \(message)")
        }
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
