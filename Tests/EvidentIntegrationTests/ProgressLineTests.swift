import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// The measuring progress line fits the terminal: the least important parts go first, then the directive's cell
/// is shortened with "…"; output that is not a terminal keeps the whole text.
final class ProgressLineTests: XCTestCase {
    /// The line of a user's report, in the parts `MeasureProgress` makes.
    private let line = ProgressLine([
        .init("await-loop: await_loop at latency_ms=2, n=100, transport=sleep"),
        .init("5–16 samples", dropRank: 3), .init("±10.9%"), .init("(target ±3.0%)", after: " ", dropRank: 1),
        .init("4.4 s", dropRank: 4), .init("of 25.0 s", after: " ", dropRank: 2), .init("about 15.3 s left"),
    ])

    func testPartsGoLeastImportantFirstThenTheCellIsShortened() {
        let full =
            "await-loop: await_loop at latency_ms=2, n=100, transport=sleep · 5–16 samples · ±10.9% (target ±3.0%) "
            + "· 4.4 s of 25.0 s · about 15.3 s left"
        XCTAssertEqual(line.text, full)
        XCTAssertEqual(line.fitted(to: 200), full)
        XCTAssertEqual(
            line.fitted(to: 138),
            "await-loop: await_loop at latency_ms=2, n=100, transport=sleep · 5–16 samples · ±10.9% · 4.4 s of 25.0 s "
                + "· about 15.3 s left")
        XCTAssertEqual(
            line.fitted(to: 120),
            "await-loop: await_loop at latency_ms=2, n=100, transport=sleep · 5–16 samples · ±10.9% · 4.4 s "
                + "· about 15.3 s left")
        XCTAssertEqual(
            line.fitted(to: 110),
            "await-loop: await_loop at latency_ms=2, n=100, transport=sleep · ±10.9% · 4.4 s · about 15.3 s left")
        XCTAssertEqual(
            line.fitted(to: 91),
            "await-loop: await_loop at latency_ms=2, n=100, transport=sleep · ±10.9% · about 15.3 s left")
        XCTAssertEqual(line.fitted(to: 60), "await-loop: await_loop at late… · ±10.9% · about 15.3 s left")
        XCTAssertEqual(line.fitted(to: 20), "await-loop: await_l…")
        for columns in 2...130 {
            XCTAssertLessThanOrEqual(line.fitted(to: columns).count, columns, "\(columns)")
        }
    }

    /// `MeasureProgress` ranks its parts so that the directive, the interval and the time left stay longest.
    func testMeasureProgressKeepsTheIntervalAndTheTimeLeft() throws {
        let essay = try MeasureTestEssay()
        let bench = try essay.bench(
            """
            id: await-loop
            title: Await loop
            experiment: experiments/sleeps.py
            variants: [short]
            samples: auto
            budget: 25s
            """)
        let samples = UnitSamples([1, 1.1, 1.2, 1.1, 1], rounds: [0, 0, 1, 1, 2])
        let progress = MeasureProgress(bench).line(
            unit: "short at latency_ms=2, n=100, transport=sleep", samples: [samples], elapsed: 4.4)
        XCTAssertTrue(progress.text.contains(" (target ±3.0%) · 4.4 s of 25.0 s · about "), progress.text)
        let narrow = progress.fitted(to: 70)
        XCTAssertTrue(narrow.hasPrefix("await-loop: short at latency_ms=2, n=100"), narrow)
        XCTAssertNotNil(narrow.range(of: #"· ±[0-9.]+% · about [0-9.]+ s left$"#, options: .regularExpression), narrow)
        let summary = MeasureProgress(bench).summary(samples: [samples], stoppedBy: .budget, elapsed: 4.4)
        XCTAssertTrue(summary.hasPrefix("measured await-loop: 1 cell, 5 samples each, "), summary)
    }

    /// A real `evident build` measuring on a 60-column terminal: every redraw of the progress line fits in it.
    func testProgressFitsAReal60ColumnTerminal() throws {
        let site = try makeSite("sites/basic")
        try site.write(
            "content/wide/experiments/tiny.py",
            """
            from evident_bench import Bench

            bench = Bench()


            @bench.variant("first_variant_with_a_long_name")
            def first(a_long_parameter_name, another_long_parameter_name):
                pass


            if __name__ == "__main__":
                bench.main()

            """)
        try site.write(
            "content/wide/index.md",
            """
            ---
            title: Wide
            date: 2026-07-01
            ---

            ```bench
            id: a-rather-long-directive-id
            title: Wide progress
            experiment: experiments/tiny.py
            variants: [first_variant_with_a_long_name]
            params:
              a_long_parameter_name: [1, 2]
              another_long_parameter_name: 2
            samples: 6
            min_samples: 6
            ```

            """)
        let run = try TerminalRun(["build", "--site", site.folder.path], columns: 60)
        XCTAssertEqual(run.status, 0, run.screen)
        let redraws = run.screen.replacingOccurrences(of: "\u{1B}[2K", with: "")
            .split(whereSeparator: { $0 == "\r" || $0 == "\n" }).map(String.init)
        let progress = redraws.filter { $0.hasPrefix("a-rather-long-directive-id: ") }
        XCTAssertGreaterThanOrEqual(progress.count, 2, run.screen.debugDescription)
        for line in progress {
            XCTAssertLessThanOrEqual(line.count, 59, line)
            XCTAssertTrue(line.contains("…"), line)
        }
    }
}

/// `evident` run with its stderr on a pseudo-terminal of a given width, as in a user's terminal window.
private struct TerminalRun {
    var status: Int32
    /// Everything the terminal received.
    var screen: String

    init(_ arguments: [String], columns: UInt16) throws {
        // glibc declares the pseudo-terminal calls only for _XOPEN_SOURCE, which Swift's Glibc module lacks.
        typealias Call = @convention(c) (Int32) -> Int32
        let call = { (name: String) in unsafeBitCast(dlsym(UnsafeMutableRawPointer(bitPattern: 0), name), to: Call.self)
        }
        let ptsname = unsafeBitCast(
            dlsym(UnsafeMutableRawPointer(bitPattern: 0), "ptsname"),
            to: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
        let master = call("posix_openpt")(O_RDWR | O_NOCTTY)
        guard master >= 0, call("grantpt")(master) == 0, call("unlockpt")(master) == 0, let name = ptsname(master)
        else { throw CocoaError(.fileReadUnknown) }
        defer { close(master) }
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        XCTAssertEqual(ioctl(master, UInt(TIOCSWINSZ), &size), 0)
        let terminal = try XCTUnwrap(FileHandle(forUpdatingAtPath: String(cString: name)))
        let process = Process()
        process.executableURL = try EvidentCLI.binary
        process.arguments = arguments
        process.standardError = terminal
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        try terminal.close()
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case let count = read(master, &buffer, buffer.count), count > 0 {
            received += buffer[..<count]
        }
        process.waitUntilExit()
        status = process.terminationStatus
        screen = String(decoding: received, as: UTF8.self)
    }
}
