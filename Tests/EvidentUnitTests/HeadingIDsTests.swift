import XCTest

@testable import EvidentCore
@testable import EvidentRendering

/// Heading ids stay unique however many headings share a text, and each costs one step whatever came before.
final class HeadingIDsTests: XCTestCase {
    func testASuffixSkipsIdsThatHeadingsOrReservationsTookThemselves() {
        var ids = HeadingIDs(reserved: ["b-1"])
        let texts = ["a", "a-1", "a", "a", "A-1", "b", "b", "b", "a 2"]
        XCTAssertEqual(
            texts.map { ids.makeID(for: $0) }, ["a", "a-1", "a-2", "a-3", "a-1-1", "b", "b-2", "b-3", "a-2-1"])
    }

    /// Twenty thousand equal headings on one page: quadratic before, so this test alone took minutes.
    func testTwentyThousandEqualHeadingsGetConsecutiveSuffixes() throws {
        let count = 20_000
        let markdown = "## a-2\n\n" + String(repeating: "## a\n\n", count: count)
        let ids = try MarkdownRenderer().render(MarkdownDocument(parsing: markdown)).headings.map(\.id)
        XCTAssertEqual(ids, ["a-2", "a", "a-1"] + (3...count).map { "a-\($0)" })
    }
}
