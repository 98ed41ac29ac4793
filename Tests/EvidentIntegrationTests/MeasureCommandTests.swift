import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

final class MeasureCommandTests: XCTestCase {
    private var essay: MeasureTestEssay!

    override func setUpWithError() throws {
        essay = try MeasureTestEssay()
    }

    func testASleepIsTimedWithoutAShell() throws {
        let measurement = try essay.measure(
            """
            id: sleep
            title: Sleep
            commands:
              sleep: sleep 0.05
              nothing: sleep 0
            samples: 12
            warmup: 1
            """)
        XCTAssertEqual(measurement.stoppedBy, .samples)
        XCTAssertEqual(measurement.samples("sleep", metric: "process_wall_ns").count, 12)
        let overhead = measurement.median("nothing", metric: "process_wall_ns")
        let sleep = measurement.median("sleep", metric: "process_wall_ns")
        print("sleep 0.05: median \(sleep / 1e6) ms, exec overhead \(overhead / 1e6) ms")
        XCTAssertLessThan(overhead, 10e6)
        XCTAssertEqual(
            sleep, 50e6 + overhead, accuracy: 0.05 * 50e6,
            "within 2.5 ms: other work on the machine moves single process starts")
    }

    func testACommandThatFailsNamesTheDirectiveAndTheCommand() throws {
        let bench = try essay.bench(
            """
            id: failing
            title: Failing
            commands: {broken: sh -c 'echo no luck >&2; exit 4'}
            samples: 2
            """)
        XCTAssertThrowsError(
            try BenchMeasurer().measure(bench, essayFolder: essay.folder, toolchain: essay.toolchain, log: .silent)
        ) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("content/x/index.md:10: command `sh -c 'echo no luck"), text)
            XCTAssertTrue(text.contains("(variant broken) exited with status 4"), text)
            XCTAssertTrue(text.contains("no luck"), text)
        }
    }
}
