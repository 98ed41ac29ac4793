import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// Moves and unstable claims between two measurements, and evidence stored before processes were kept, on the
/// `sites/evidence` fixture with a measurer that answers from memory.
final class EvidenceStabilityTests: XCTestCase {
    private var site: FixtureSite!
    private var measurer: InMemoryMeasurer!

    override func setUpWithError() throws {
        site = try FixtureSite("sites/evidence")
        measurer = InMemoryMeasurer(medians: ["short": 20e6, "long": 40e6, "one": 1e6, "two": 2e6])
    }

    override func tearDown() {
        site.remove()
    }

    private func build(refresh: [String] = []) throws -> BuildReport {
        var options = BuildOptions(siteFolder: site.folder)
        if !refresh.isEmpty { options.refresh = .only(Set(refresh)) }
        return try SiteBuild(options: options, log: .silent, measurer: measurer, highlighter: PlainHighlighter())
            .run()
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
        let second = try build(refresh: ["sleeps"])
        XCTAssertTrue(
            second.summary.contains("; 1 cell moved beyond its interval, 2 claims unstable"), second.summary)
        let page = try site.read("public/sleeps/index.html")
        XCTAssertTrue(page.contains("long: moved beyond its interval since"), "the moved cell is named")
        XCTAssertFalse(page.contains("short: moved"), "the unchanged cell is not")
        XCTAssertTrue(page.contains("unstable: it held on"))
        XCTAssertTrue(page.contains("unstable: it was contradicted on"))
        let record = try XCTUnwrap(
            try EvidenceStore(essayFolder: site.folder.appendingPathComponent("content/sleeps")).load(id: "sleeps"))
        XCTAssertEqual(record.previous?.claims?.map(\.verdict), [.holds, .contradicted])
        XCTAssertEqual(record.cells.map(\.summary.processes), [5, 5])
        XCTAssertEqual(record.cells[0].rounds, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])

        let third = try build(refresh: ["sleeps"])
        XCTAssertFalse(third.summary.contains("moved") || third.summary.contains("unstable"), third.summary)
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
