import XCTest

@testable import EvidentCore
@testable import EvidentRendering

final class MarkdownParserTests: XCTestCase {
    func testCodeBlocksKnowTheirInfoStringAndStartLine() {
        let markdown = """
            Intro paragraph.

            ```bench
            id: await-loop
            ```

            > ```python title="x.py"
            > print(1)
            > ```

                indented code

            ~~~probe
            ~~~
            """
        let blocks = MarkdownDocument(parsing: markdown).codeBlocks
        XCTAssertEqual(blocks.map(\.info), ["bench", "python title=\"x.py\"", "", "probe"])
        XCTAssertEqual(blocks.map(\.line), [3, 7, 11, 13])
        XCTAssertEqual(blocks.map(\.literal), ["id: await-loop\n", "print(1)\n", "indented code\n", ""])
        XCTAssertEqual(blocks.map(\.language), ["bench", "python", "", "probe"])
    }

    func testNodesKeepCmarkAttributesAndSourceRanges() {
        let markdown = """
            A *heading* with `code`
            and a soft break
            ----------------

            3) [link](/to "Title") ![image](/i.png)
            4) <b>html</b>

            <div>block</div>
            """
        let document = MarkdownDocument(parsing: markdown)
        let kinds = document.nodes.map(\.kind)
        XCTAssertEqual(kinds.first, .document)
        XCTAssertTrue(kinds.contains(.heading(level: 2)))
        XCTAssertTrue(
            kinds.contains(.list(MarkdownList(kind: .ordered, delimiter: .parenthesis, start: 3, isTight: true))))
        XCTAssertTrue(kinds.contains(.link(url: "/to", title: "Title")))
        XCTAssertTrue(kinds.contains(.image(url: "/i.png", title: "")))
        XCTAssertTrue(kinds.contains(.htmlInline("<b>")))
        XCTAssertTrue(kinds.contains(.htmlBlock("<div>block</div>\n")))

        let heading = kinds.firstIndex(of: .heading(level: 2))!
        XCTAssertEqual(document.plainText(of: heading), "A heading with code and a soft break")
        XCTAssertEqual(document.nodes[heading].range.startLine, 1)
        let code = kinds.firstIndex(of: .code("code"))!
        XCTAssertEqual(document.nodes[code].parent, heading)
        // cmark 0.30 gives a code span the range of its content, without the backticks.
        XCTAssertEqual(
            document.nodes[code].range,
            MarkdownSourceRange(startLine: 1, startColumn: 19, endLine: 1, endColumn: 22)
        )
        XCTAssertEqual(document.nodes.filter { $0.parent == MarkdownDocument.rootIndex }.count, 3)
        let list = kinds.firstIndex { if case .list = $0 { return true } else { return false } }!
        XCTAssertEqual(document.nodes[list].range.startLine, 5)
        XCTAssertEqual(document.nodes.filter { $0.parent == list }.count, 2)
        for index in (list + 1)..<document.nodes[list].subtreeEnd {
            XCTAssertGreaterThanOrEqual(document.nodes[index].range.startLine, 5)
            XCTAssertNotNil(document.nodes[index].parent)
        }
    }

    func testTreeLinksAreConsistent() throws {
        let markdown = try String(contentsOf: fixture("all-constructs.md"), encoding: .utf8)
        let document = MarkdownDocument(parsing: markdown)
        XCTAssertNil(document.nodes[0].parent)
        XCTAssertEqual(document.nodes[0].subtreeEnd, document.nodes.count)
        for index in document.nodes.indices.dropFirst() {
            let parent = try XCTUnwrap(document.nodes[index].parent)
            XCTAssertTrue(((parent + 1)..<document.nodes[parent].subtreeEnd).contains(index))
            XCTAssertLessThanOrEqual(document.nodes[index].subtreeEnd, document.nodes[parent].subtreeEnd)
        }
    }

    func testEmptyInputIsAnEmptyDocument() {
        let document = MarkdownDocument(parsing: "")
        XCTAssertEqual(document.nodes.map(\.kind), [.document])
        XCTAssertEqual(try MarkdownRenderer().render(document).html, "")
    }
}
