import XCTest

@testable import EvidentCore
@testable import EvidentRendering

/// The 52 GFM extension examples (24 in the GFM spec, 28 in cmark-gfm's extension tests) against cmark-gfm's
/// output, as normalized HTML; each deliberate difference is listed here and on the docs' Markdown page.
final class GFMConformanceTests: XCTestCase {
    /// The examples whose HTML differs from cmark-gfm's on purpose, and why.
    static let deviations: [String: String] = [
        "spec 24 (tagfilter)":
            "raw HTML is the author's own, shown only when the site allows raw HTML: no tag filter applies",
        "extensions 22 (html tag filter)": "the same: no tag filter",
        "extensions 23 (footnotes)":
            "footnotes use cmark-gfm 0.29's current markup (fn-1, data-footnote-ref, back-links labelled for screen"
            + " readers), not the older fn1 markup of this test file",
    ]

    func testExtensionExamplesRenderLikeCmarkGFM() throws {
        let examples = try gfmExamples()
        XCTAssertEqual(examples.count, 52)
        var differing: [String: String] = [:]
        for example in examples {
            let actual = try renderWithoutHeadingIDs(example.markdown, unsafeHTML: true)
            // "This shouldn't crash everything": any output passes.
            guard example.expected != "<IGNORE>\n" else { continue }
            if GFMNormalizedHTML.normalize(actual) != GFMNormalizedHTML.normalize(example.expected) {
                differing[example.name] = "\(example.markdown)\nexpected:\n\(example.expected)\nactual:\n\(actual)"
            }
        }
        let unexpected = differing.filter { Self.deviations[$0.key] == nil }
        XCTAssertEqual(
            unexpected.count, 0,
            unexpected.sorted { $0.key < $1.key }.prefix(4).map { "\($0.key):\n\($0.value)" }.joined(separator: "\n"))
        let fixed = Self.deviations.keys.filter { differing[$0] == nil }
        XCTAssertEqual(fixed, [], "listed as deviations but now match cmark-gfm")
        print(
            "GFM extension examples: \(examples.count - differing.count)/\(examples.count) match cmark-gfm (normalized HTML),"
                + " \(differing.count) deliberate differences: "
                + differing.keys.sorted().map { "\($0): \(Self.deviations[$0] ?? "?")" }.joined(separator: "; "))
    }

    /// The extension examples of both files, named by file, number and kind.
    private func gfmExamples() throws -> [(name: String, markdown: String, expected: String)] {
        let spec = try SpecExamples.read(fixture("gfm-spec-0.29.txt"))
            .filter { !$0.kind.isEmpty }
            .enumerated().map { ("spec \($0.offset + 1) (\($0.element.kind))", $0.element.markdown, $0.element.html) }
        let extensions = try SpecExamples.read(fixture("gfm-extensions.txt")).enumerated().map {
            ("extensions \($0.offset + 1) (\($0.element.section))", $0.element.markdown, $0.element.html)
        }
        return spec + extensions
    }
}

/// Examples read from a spec file in CommonMark's format.
enum SpecExamples {
    /// Every example, with the words after `example` (`table`, or empty), the `## ` section it is in, its
    /// Markdown with `→` turned back into tabs, and its expected HTML.
    static func read(_ url: URL) throws -> [(kind: String, section: String, markdown: String, html: String)] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var examples: [(String, String, String, String)] = []
        var section = ""
        var current: (kind: String, markdown: [Substring], html: [Substring])?
        var inHTML = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## "), current == nil {
                section = line.dropFirst(3).lowercased()
            } else if line.hasPrefix(fence + " example") {
                current = (String(line.dropFirst(fence.count + 8)).trimmingCharacters(in: .whitespaces), [], [])
                inHTML = false
            } else if line == fence, let example = current {
                let join = { (lines: [Substring]) in
                    lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
                }
                examples.append((example.kind, section, join(example.markdown), join(example.html)))
                current = nil
            } else if line == ".", current != nil, !inHTML {
                inHTML = true
            } else if inHTML {
                current?.html.append(line)
            } else {
                current?.markdown.append(line)
            }
        }
        return examples
    }
}

/// HTML reduced to what matters for comparing renderers: no white space between tags, attributes sorted,
/// `<x />` as `<x>`; and our documented presentation choices undone (the scrolling region around each table,
/// alignment as a style rather than the obsolete `align` attribute, the name of a task's checkbox).
enum GFMNormalizedHTML {
    static func normalize(_ html: String) -> String {
        var html = html.replacing(try! Regex(#"<div class="table-wrap markdown-table"[^>]*>"#), with: "")
        html = html.replacing("</table>\n</div>", with: "</table>")
        html = html.replacing(try! Regex(#"(<input [^>]*) aria-label="(Done|Not done)""#)) {
            "\($0.output[1].substring!)"
        }
        html = html.replacing(try! Regex(#"style="text-align: (\w+)""#)) { "align=\"\($0.output[1].substring!)\"" }
        html = html.replacing(try! Regex(#">\s+<"#), with: "><")
        html = html.replacing(try! Regex(#"\s*/>"#), with: ">")
        html = html.replacing(try! Regex(#"<([a-zA-Z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)+)>"#)) { match in
            let tag = match.output[1].substring!
            let attributes = match.output[2].substring!.split(whereSeparator: \.isWhitespace).sorted()
            return "<\(tag) \(attributes.joined(separator: " "))>"
        }
        return html.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
