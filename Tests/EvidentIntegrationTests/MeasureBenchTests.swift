import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

final class MeasureBenchTests: XCTestCase {
    private var essay: MeasureTestEssay!

    override func setUpWithError() throws {
        essay = try MeasureTestEssay()
    }

    func testAutoReachesThePrecisionAndTheRatioOfTwoSleeps() throws {
        let lines = LockedLines()
        let measurement = try essay.measure(
            """
            id: sleeps
            title: Sleeps
            experiment: experiments/sleeps.py
            variants: [short, long]
            samples: auto
            precision: 3%
            budget: 10s
            """, log: lines.log)
        XCTAssertEqual(measurement.stoppedBy, .precision)
        for variant in ["short", "long"] {
            let summary = try XCTUnwrap(Summary(of: measurement.samples(variant)))
            XCTAssertGreaterThanOrEqual(summary.n, 10)
            XCTAssertLessThanOrEqual(summary.relativeHalfWidth, 0.03)
        }
        let ratio = measurement.median("long") / measurement.median("short")
        print("measured ratio long/short: \(ratio); \(lines.info[0])")
        XCTAssertEqual(ratio, 2.0, accuracy: 0.06)
        XCTAssertEqual(lines.info.count, 1)
        XCTAssertTrue(lines.info[0].hasPrefix("measured sleeps: 2 cells, "), lines.info[0])
        XCTAssertTrue(lines.info[0].contains("stopped by precision"), lines.info[0])
        XCTAssertTrue(lines.progress.isEmpty)
    }

    func testFixedSamplesAreTakenInEveryCell() throws {
        let measurement = try essay.measure(
            """
            id: fixed
            title: Fixed
            experiment: experiments/sleeps.py
            variants: [short]
            params: {scale: [0.1, 0.2]}
            samples: 7
            """)
        XCTAssertEqual(measurement.stoppedBy, .samples)
        XCTAssertEqual(measurement.series.map(\.params), [["scale": "0.1"], ["scale": "0.2"]])
        XCTAssertEqual(measurement.series.map(\.samples.count), [7, 7])
        XCTAssertEqual(measurement.series.map(\.metric), ["wall_ns", "wall_ns"])
    }

    func testBudgetStopsARunThatCannotConverge() throws {
        let measurement = try essay.measure(
            """
            id: noisy
            title: Noisy
            experiment: experiments/sleeps.py
            variants: [noisy, short]
            precision: 1%
            params: {scale: 0.1}
            budget: 1500ms
            """)
        XCTAssertEqual(measurement.stoppedBy, .budget)
        XCTAssertLessThan(measurement.seconds, 2.5)
        XCTAssertGreaterThanOrEqual(measurement.samples("noisy", ["scale": "0.1"]).count, 5)
        XCTAssertGreaterThanOrEqual(measurement.samples("short", ["scale": "0.1"]).count, 5)
    }

    func testRoundsAreShuffledTheSameWayEachTime() throws {
        let yaml = """
            id: order
            title: Order
            commands:
              a: sh -c 'echo a >> experiments/runs.log'
              b: sh -c 'echo b >> experiments/runs.log'
              c: sh -c 'echo c >> experiments/runs.log'
              d: sh -c 'echo d >> experiments/runs.log'
            samples: 8
            warmup: 0
            """
        _ = try essay.measure(yaml)
        let first = try essay.runs()
        _ = try essay.measure(yaml)
        XCTAssertEqual(try essay.runs(), first)
        XCTAssertEqual(first.count, 2 * 4 * 8, "each timed run follows an unrecorded run of the same command")
        let pairs = stride(from: 0, to: first.count, by: 2).map { (first[$0], first[$0 + 1]) }
        XCTAssertTrue(pairs.allSatisfy { $0.0 == $0.1 }, "the unrecorded run comes right before its timed run")
        let timed = pairs.map(\.1)
        let rounds = stride(from: 0, to: timed.count, by: 4).map { Array(timed[$0..<min($0 + 4, timed.count)]) }
        XCTAssertTrue(rounds.allSatisfy { $0.sorted() == ["a", "b", "c", "d"] }, "every round runs every unit once")
        XCTAssertGreaterThan(Set(rounds).count, 1, "the order changes from round to round")
    }

    func testProcessMetricsAreRecordedPerProcess() throws {
        let measurement = try essay.measure(
            """
            id: process
            title: Process metrics
            experiment: experiments/sleeps.py
            variants: [short]
            params: {scale: 0.1}
            metric: [wall_ns, process_wall_ns, process_cpu_ns, process_max_rss_bytes]
            samples: 6
            """)
        let cell = ["scale": "0.1"]
        XCTAssertEqual(measurement.samples("short", cell).count, 6)
        let processes = try essay.runs().count
        for metric in BenchDirective.processMetrics {
            let values = measurement.samples("short", cell, metric: metric)
            XCTAssertEqual(values.count, processes, metric)
            XCTAssertTrue(values.allSatisfy { $0 > 0 }, metric)
        }
        XCTAssertGreaterThan(measurement.median("short", cell, metric: "process_max_rss_bytes"), 1e6)
        XCTAssertGreaterThan(
            measurement.median("short", cell, metric: "process_wall_ns"), measurement.median("short", cell) * 5)
    }

    func testProgressIsRedrawnOnATerminal() throws {
        let lines = LockedLines(terminal: true)
        _ = try essay.measure(
            """
            id: progress
            title: Progress
            experiment: experiments/sleeps.py
            variants: [short]
            params: {scale: 0.1}
            samples: 4
            """, log: lines.log)
        XCTAssertFalse(lines.progress.isEmpty)
        XCTAssertTrue(
            lines.progress.allSatisfy { $0.hasPrefix("progress: short at scale=0.1 · ") }, "\(lines.progress)")
        XCTAssertTrue(lines.progress.last!.contains(" samples · ±"), lines.progress.last!)
        XCTAssertEqual(lines.info.count, 1)
        XCTAssertTrue(lines.info[0].contains("4 samples each"), lines.info[0])
    }
}

/// A log that keeps what it is told.
final class LockedLines: @unchecked Sendable {
    private enum Kind { case info, warning, progress }

    private let lock = NSLock()
    private var lines: [(kind: Kind, text: String)] = []
    private let terminal: Bool

    init(terminal: Bool = false) {
        self.terminal = terminal
    }

    var info: [String] { lines(.info) }
    var warnings: [String] { lines(.warning) }
    var progress: [String] { lines(.progress) }

    var log: Log {
        let info: @Sendable (String) -> Void = { self.append($0, .info) }
        let warning: @Sendable (String) -> Void = { self.append($0, .warning) }
        guard terminal else { return Log(info: info, warning: warning) }
        return Log(info: info, warning: warning, progress: { self.append($0.text, .progress) })
    }

    private func lines(_ kind: Kind) -> [String] {
        lock.withLock { lines.filter { $0.kind == kind }.map(\.text) }
    }

    private func append(_ line: String, _ kind: Kind) {
        lock.withLock { lines.append((kind, line)) }
    }
}

extension MeasureBenchTests {
    func testAFirstRoundThatOverrunsTheBudgetIsSaidOnce() throws {
        let lines = LockedLines()
        let measurement = try essay.measure(
            """
            id: slow-round
            title: A round longer than the budget
            commands:
              a: sleep 0.06
              b: sleep 0.06
            warmup: 0
            budget: 50ms
            """, log: lines.log)
        XCTAssertEqual(measurement.stoppedBy, .budget)
        XCTAssertEqual(lines.warnings.count, 1, "\(lines.warnings)")
        XCTAssertTrue(
            lines.warnings.first?.contains("one round of the 2 cells of `slow-round` took") == true
                && lines.warnings.first?.contains("more than its budget of 0.05 s") == true,
            "\(lines.warnings)")
    }
}
