import XCTest

@testable import EvidentCore
@testable import EvidentRendering

/// The GFM extensions with what evident adds to Markdown: inline references in table cells and footnotes,
/// directive blocks beside tables, heading ids and the table of contents.
final class GFMRenderingTests: XCTestCase {
    private let essay = """
        ## Results

        | Variant | Ratio |
        | --- | ---: |
        | gather | `=loop.gather.speedup` |
        ```bench
        id: loop
        ```
        Text[^n] and `?loop: gather faster than threads`.

        [^n]: A note citing `=loop.threads.speedup`.

        ## Fn 1
        """

    func testInlineReferencesInCellsAndFootnotesReachTheHookWithTheirLines() throws {
        var spans: [(String, Int)] = []
        var blocks: [(String, Int)] = []
        let renderer = MarkdownRenderer(
            codeBlock: { info, _, line, _ in
                blocks.append((info, line))
                return "<section class=\"evidence\">loop</section>"
            },
            inlineCode: { literal, line in
                spans.append((literal, line))
                return literal.hasPrefix("=") ? "<span class=\"measured\">\(literal.dropFirst())</span>" : nil
            })
        let html = try renderer.render(MarkdownDocument(parsing: essay)).html
        XCTAssertEqual(
            spans.map(\.0), ["=loop.gather.speedup", "?loop: gather faster than threads", "=loop.threads.speedup"])
        XCTAssertEqual(spans.map(\.1), [5, 9, 11], "cells keep their row's line, footnotes their own")
        XCTAssertEqual(blocks.map(\.0), ["bench"])
        XCTAssertEqual(blocks.map(\.1), [6], "the directive right under the table is still a directive")
        XCTAssertTrue(
            html.contains(#"<td style="text-align: right"><span class="measured">loop.gather.speedup</span></td>"#),
            html)
        XCTAssertTrue(html.contains("<section class=\"evidence\">loop</section>"), html)
        XCTAssertTrue(
            html.contains(##"A note citing <span class="measured">loop.threads.speedup</span>. <a href="#fnref-1""##),
            html)
    }

    func testDirectivesAndCodeSpansInCellsAreCollectedFromTheTree() {
        let document = MarkdownDocument(parsing: essay)
        XCTAssertEqual(document.codeBlocks.map(\.language), ["bench"])
        let codes = document.nodes.compactMap { node -> Int? in
            if case .code = node.kind { return node.range.startLine } else { return nil }
        }
        XCTAssertEqual(codes, [5, 9, 11])
    }

    func testHeadingIDsAvoidFootnoteIDsAndIgnoreReferences() throws {
        let rendered = try MarkdownRenderer().render(MarkdownDocument(parsing: essay + "\n\n## Notes[^n]\n"))
        XCTAssertEqual(rendered.headings.map(\.id), ["results", "fn-1-1", "notes"])
        XCTAssertEqual(rendered.headings.map(\.text), ["Results", "Fn 1", "Notes"])
        XCTAssertTrue(rendered.html.contains(#"<li id="fn-1">"#))
    }

    func testTablesAreNumberedRegionsAndPlainTextReadsCells() throws {
        let markdown = "| a | b |\n| - | - |\n| c | d |\n\ntext\n\n| e |\n| - |\n"
        let html = try MarkdownRenderer().render(MarkdownDocument(parsing: markdown)).html
        XCTAssertTrue(html.contains(#"aria-label="Table 1""#) && html.contains(#"aria-label="Table 2""#), html)
        XCTAssertTrue(html.contains("<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>"), html)
        let document = MarkdownDocument(parsing: markdown)
        XCTAssertEqual(document.plainText(of: MarkdownDocument.rootIndex), "abcdtexte")
    }

    func testTablesAndFootnotesInsideContainers() throws {
        let markdown = "> | a | b |\n> | - | - |\n> | c | d |\nlazy | line\n\n- item\n  | x |\n  | - |\n"
        let html = try MarkdownRenderer().render(MarkdownDocument(parsing: markdown)).html
        XCTAssertTrue(html.contains("<blockquote>\n<div class=\"table-wrap"), html)
        XCTAssertTrue(html.contains("</blockquote>\n<p>lazy | line</p>"), "a lazy line ends the table and the quote")
        XCTAssertTrue(html.contains("<li>item\n<div class=\"table-wrap"), html)
    }

    func testEscapesKeepTheirCharactersLiteral() throws {
        let html = try MarkdownRenderer().render(
            MarkdownDocument(parsing: "\\~~a~~ `\\~` \\[^1] ~5 ms to ~6 ms\n\n[^1]: x\n")
        ).html
        XCTAssertEqual(html, "<p>~~a~~ <code>\\~</code> [^1] ~5 ms to ~6 ms</p>\n")
    }

    func testDeeplyNestedEmphasisWithStrikethroughDoesNotRecurse() {
        let depth = 20_000
        let markdown = String(repeating: "*a ", count: depth) + "~~x~~" + String(repeating: " a*", count: depth)
        let document = MarkdownDocument(parsing: markdown)
        XCTAssertTrue(document.nodes.contains { $0.kind == .strikethrough })
    }
}
