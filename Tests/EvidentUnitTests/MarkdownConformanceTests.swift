import CCmark
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentRendering

/// Our parse → copy → rebuild → render must give exactly what libcmark renders itself, heading ids aside.
final class MarkdownConformanceTests: XCTestCase {
    /// The examples GFM renders differently from CommonMark, as cmark-gfm does: a URL or email address in text
    /// becomes a link (an extended autolink).
    static let gfmDifferences: Set = [601, 605, 607, 610, 611]

    func testEveryCommonMarkSpecExampleRendersLikeCmark() throws {
        let examples = try specExamples()
        XCTAssertEqual(examples.count, 652)
        var counts: [String] = []
        for gfm in [false, true] {
            for unsafeHTML in [false, true] {
                var differing: [Int: String] = [:]
                for (number, markdown) in examples {
                    let expected = cmarkHTML(markdown, unsafeHTML: unsafeHTML)
                    let actual = try renderWithoutHeadingIDs(markdown, unsafeHTML: unsafeHTML, gfm: gfm)
                    if actual != expected {
                        differing[number] =
                            "example \(number):\n\(markdown)\nexpected:\n\(expected)\nactual:\n\(actual)"
                    }
                }
                let allowed = gfm ? Self.gfmDifferences : []
                XCTAssertEqual(
                    Set(differing.keys), allowed,
                    "gfm \(gfm), unsafeHTML \(unsafeHTML):\n"
                        + differing.filter { !allowed.contains($0.key) }.values.prefix(3).joined(separator: "\n"))
                if unsafeHTML {
                    counts.append(
                        "\(examples.count - differing.count)/\(examples.count) \(gfm ? "with" : "without") GFM")
                }
            }
        }
        print(
            "CommonMark examples rendered like libcmark: \(counts.joined(separator: ", ")) (the others are extended"
                + " autolinks, as cmark-gfm renders them: \(Self.gfmDifferences.sorted()))")
    }

    func testAllConstructsRenderLikeCmark() throws {
        let markdown = try String(contentsOf: fixture("all-constructs.md"), encoding: .utf8)
        for unsafeHTML in [false, true] {
            XCTAssertEqual(
                try renderWithoutHeadingIDs(markdown, unsafeHTML: unsafeHTML),
                cmarkHTML(markdown, unsafeHTML: unsafeHTML)
            )
        }
        let document = MarkdownDocument(parsing: markdown)
        var kinds: Set<String> = []
        for node in document.nodes {
            kinds.insert(String(describing: node.kind).prefix { $0 != "(" }.description)
        }
        let constructs = [
            "document", "blockQuote", "list", "item", "codeBlock", "htmlBlock", "paragraph", "heading",
            "thematicBreak", "text", "softBreak", "lineBreak", "code", "htmlInline", "emphasis", "strong", "link",
            "image",
        ]
        XCTAssertEqual(kinds, Set(constructs), "the fixture covers every construct cmark parses")
    }

    /// The spec's examples, numbered from 1, with `→` turned back into tabs.
    private func specExamples() throws -> [(number: Int, markdown: String)] {
        let spec = try String(contentsOf: fixture("spec-0.30.txt"), encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var examples: [(Int, String)] = []
        var markdown: [Substring]?
        var inExpectedHTML = false
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == fence + " example" {
                markdown = []
                inExpectedHTML = false
            } else if line == fence, let lines = markdown {
                let text = lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
                examples.append((examples.count + 1, text))
                markdown = nil
            } else if line == ".", markdown != nil {
                inExpectedHTML = true
            } else if !inExpectedHTML {
                markdown?.append(line)
            }
        }
        return examples
    }
}

/// The file in `Tests/Fixtures/markdown/`.
func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/markdown/\(name)")
}

/// What libcmark renders for the Markdown on its own.
func cmarkHTML(_ markdown: String, unsafeHTML: Bool) -> String {
    let options = unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    let html = markdown.withCString { cmark_markdown_to_html($0, markdown.utf8.count, options) }!
    defer { free(html) }
    return String(cString: html)
}

/// Our rendering with the heading ids and self-links taken out, as cmark renders headings; `gfm` false parses
/// CommonMark alone.
func renderWithoutHeadingIDs(_ markdown: String, unsafeHTML: Bool, gfm: Bool = true) throws -> String {
    let document = gfm ? MarkdownDocument(parsing: markdown) : MarkdownDocument(parsingCommonMark: markdown)
    let html = try MarkdownRenderer(unsafeHTML: unsafeHTML).render(document).html
    return html.replacing(headingAnchor) { "<h\($0.output[1].substring!)>" }
}

private let headingAnchor = try! Regex(
    ##"<h([1-6]) id="[^"]*"><a class="anchor" href="#[^"]*" aria-hidden="true" tabindex="-1">#</a>"##
)
