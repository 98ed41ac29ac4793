import XCTest

@testable import EvidentCore
@testable import EvidentRendering

/// Pathological nesting must parse, render and free without recursion, and in linear time.
final class MarkdownDeepNestingTests: XCTestCase {
    private let depth = 100_000

    func testHundredThousandNestedBlockQuotes() throws {
        try checkDeepDocument(String(repeating: "> ", count: depth) + "deep\n", nodesPerLevel: 1)
    }

    func testHundredThousandNestedListItems() throws {
        try checkDeepDocument(String(repeating: "- ", count: depth) + "deep\n", nodesPerLevel: 2)
    }

    private func checkDeepDocument(_ markdown: String, nodesPerLevel: Int) throws {
        var document: MarkdownDocument? = MarkdownDocument(parsing: markdown)
        XCTAssertEqual(document?.nodes.count, 1 + depth * nodesPerLevel + 2)
        XCTAssertEqual(document?.nodes.last?.kind, .text("deep"))
        let html = try MarkdownRenderer().render(document!).html
        XCTAssertEqual(html, cmarkHTML(markdown, unsafeHTML: false))
        document = nil
    }
}
