import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// Moves and unstable claims between two measurements, and evidence stored before processes were kept, on the
/// `sites/evidence` fixture with a measurer that answers from memory.
final class EvidenceStabilityTests: InMemoryEvidenceTestCase {
    private func build(refresh: [String]) throws -> BuildReport {
        try build { $0.refresh = .only(Set(refresh)) }
    }

    private let stored = "content/sleeps/evidence/sleeps.json"

    /// Rewrites the stored evidence of `sleeps` as JSON.
    private func editStored(_ change: (inout [String: Any]) -> Void) throws {
        var object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try site.read(stored).utf8)) as? [String: Any])
        change(&object)
        try site.write(stored, String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
    }

    func testACellBeyondItsIntervalIsFlaggedAndAFlippedClaimIsUnstable() throws {
        let first = try build()
        XCTAssertFalse(first.summary.contains("moved"))
        XCTAssertTrue(try site.read("public/sleeps/index.html").contains(#"href="../evidence-method/""#))
        XCTAssertTrue(try site.read("public/evidence-method/index.html").contains("hierarchical bootstrap"))

        measurer.medians["long"] = 20e6  // now as short as `short`: both claims flip
        try changeTheCode()
        let second = try build()
        XCTAssertTrue(
            second.summary.contains("; 1 cell moved beyond its interval, 2 claims unstable"), second.summary)
        let page = try site.read("public/sleeps/index.html")
        XCTAssertTrue(page.contains("long: moved beyond its interval since"), "the moved cell is named")
        XCTAssertFalse(page.contains("short: moved"), "the unchanged cell is not")
        XCTAssertTrue(page.contains("unstable: it held on"))
        XCTAssertTrue(page.contains("unstable: it was contradicted on"))
        let record = try record("sleeps")
        XCTAssertEqual(record.previous?.claims?.map(\.verdict), [.holds, .contradicted])
        XCTAssertEqual(record.cells.map(\.summary.processes), [5, 5])
        XCTAssertEqual(record.cells[0].rounds, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])

        try changeTheCode()
        let third = try build()
        XCTAssertFalse(third.summary.contains("moved") || third.summary.contains("unstable"), third.summary)
    }

    /// Edits the experiment, so that the next build measures other code: no earlier runs widen its intervals.
    private func changeTheCode() throws {
        let experiment = "content/sleeps/experiments/sleeps.py"
        try site.write(experiment, try site.read(experiment) + "\n# changed\n")
    }

    func testARefreshOfTheSameCodeWidensTheIntervalsByTheDriftBetweenRuns() throws {
        _ = try build()
        XCTAssertTrue(try site.read("public/sleeps/index.html").contains("no earlier run of this code"))
        let load = { try self.record("sleeps") }
        let first = try load()
        XCTAssertNil(first.cells[1].summary.runCI)

        measurer.medians["long"] = 44e6  // 10 % slower, same code
        let second = try build(refresh: ["sleeps"])
        let record = try load()
        let long = try XCTUnwrap(record.cells.first { $0.variant == "long" })
        XCTAssertEqual(long.earlier, [first.cells[1].summary.median])
        let own = try XCTUnwrap(long.summary.runCI, "this run's own interval is kept")
        XCTAssertFalse(own.contains(40e6), "this run's processes alone do not reach the earlier median")
        XCTAssertTrue(long.summary.ci.contains(40e6), "the widened interval does")
        XCTAssertTrue(long.summary.ci.lowerBound <= own.lowerBound && own.upperBound <= long.summary.ci.upperBound)
        let short = try XCTUnwrap(record.cells.first { $0.variant == "short" })
        let shortOwn = try XCTUnwrap(short.summary.runCI, "the drift is pooled over the directive's cells")
        XCTAssertTrue(
            short.summary.ci.lowerBound < shortOwn.lowerBound && shortOwn.upperBound < short.summary.ci.upperBound,
            "a variant that did not drift is widened by the directive's pooled drift")
        XCTAssertFalse(second.summary.contains("moved"), second.summary)
        XCTAssertTrue(
            try site.read("public/sleeps/index.html").contains(
                "include the drift between this run and the earlier run of the same code"))

        _ = try build(refresh: ["sleeps"])
        let third = try XCTUnwrap(try load().cells.first { $0.variant == "long" })
        XCTAssertEqual(third.earlier, [long.summary.median, first.cells[1].summary.median], "newest first")
    }

    func testAnotherKindOfMachineIsNotComparedForMoves() throws {
        _ = try build()
        try editStored { object in
            var environment = object["environment"] as! [String: Any]
            environment["cpu"] = "Another CPU @ 9.9GHz"
            object["environment"] = environment
        }
        measurer.medians["long"] = 20e6
        let second = try build(refresh: ["sleeps"])
        XCTAssertFalse(second.summary.contains("moved"), second.summary)
        XCTAssertTrue(second.summary.contains("2 claims unstable"), "a changed verdict is unstable anywhere")
    }

    func testEvidenceWithoutProcessesLoadsIsJudgedAsBeforeAndSaysItsIntervalIsWithinRun() throws {
        _ = try build()
        try editStored { object in
            object["cells"] = (object["cells"] as! [[String: Any]]).map { cell in
                cell.filter { $0.key != "rounds" && $0.key != "processes" }
            }
            object["ratios"] = (object["ratios"] as! [[String: Any]]).map { ratio in
                ratio.filter { $0.key != "rounds" }
            }
            object["previous"] = nil
        }
        let report = try build()
        XCTAssertEqual(report.directivesReused, 2, "the old file is reused, not measured")
        XCTAssertEqual([report.claims.held, report.claims.contradicted], [2, 1])
        let page = try site.read("public/sleeps/index.html")
        XCTAssertTrue(page.contains("these intervals cover the sampling within one run only"))
        XCTAssertFalse(try site.read("public/sleeps/index.html").contains("unstable"))
    }

    func testRoundsThatDoNotMatchTheSamplesAreRefused() throws {
        _ = try build()
        try editStored { object in
            var cells = object["cells"] as! [[String: Any]]
            cells[0]["rounds"] = [0, 1]
            object["cells"] = cells
        }
        XCTAssertThrowsError(try build()) { error in
            XCTAssertTrue("\(error)".contains("rounds lists 2 rounds for 10 samples"), "\(error)")
        }
    }
}
