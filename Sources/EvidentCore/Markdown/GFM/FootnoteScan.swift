/// A line that starts a footnote definition (`[^label]: text`), found before cmark reads it as text.
struct FootnoteDefinitionLine {
    /// The 1-based line.
    var line: Int
    /// The label as references match it: case-folded.
    var key: String
    /// The bytes of `[^label]:` and the spaces after it.
    var marker: Range<Int>
    /// Whether text follows the marker on its line.
    var hasText: Bool
}

/// Finds footnote definitions: a line that starts, after up to three spaces and any block quote markers, with
/// `[^label]:`, where the label holds no space, tab or `]`; lines inside code and HTML blocks do not count.
///
/// A definition holds the blocks indented four columns under it, as a list item does; `FootnoteScan.rewrite`
/// turns each marker into one (`01) `, four columns wide), so that cmark parses the definition's blocks.
enum FootnoteScan {
    static func find(in nodes: [MarkdownNode], lines: SourceLines) -> [FootnoteDefinitionLine] {
        var literal = [Bool](repeating: false, count: lines.ranges.count + 2)
        for node in nodes {
            switch node.kind {
            case .codeBlock, .htmlBlock:
                for line in node.range.startLine...max(node.range.startLine, node.range.endLine)
                where line < literal.count {
                    literal[line] = true
                }
            default:
                continue
            }
        }
        var found: [FootnoteDefinitionLine] = []
        for (offset, range) in lines.ranges.enumerated() where !literal[offset + 1] {
            if let definition = definition(lines.bytes, range, line: offset + 1) { found.append(definition) }
        }
        return found
    }

    /// The text with each definition's marker replaced by an ordered list marker of the same indent: `01) `.
    static func rewrite(_ lines: SourceLines, _ definitions: [FootnoteDefinitionLine]) -> String {
        lines.replacing(definitions.map { ($0.marker, $0.hasText ? "01) " : "01)") })
    }

    private static func definition(_ bytes: [UInt8], _ range: Range<Int>, line: Int) -> FootnoteDefinitionLine? {
        var position = range.lowerBound
        while true {
            var spaces = 0
            while spaces < 3, position < range.upperBound, bytes[position] == UInt8(ascii: " ") {
                position += 1
                spaces += 1
            }
            guard position < range.upperBound, bytes[position] == UInt8(ascii: ">") else { break }
            position += 1
            if position < range.upperBound, bytes[position] == UInt8(ascii: " ") { position += 1 }
        }
        let start = position
        guard position + 2 < range.upperBound, bytes[position] == UInt8(ascii: "["),
            bytes[position + 1] == UInt8(ascii: "^")
        else { return nil }
        position += 2
        let labelStart = position
        while position < range.upperBound, !bytes[position].isSpaceOrTab, bytes[position] != UInt8(ascii: "]") {
            position += 1
        }
        guard position > labelStart, position + 1 < range.upperBound, bytes[position] == UInt8(ascii: "]"),
            bytes[position + 1] == UInt8(ascii: ":")
        else { return nil }
        let key = FootnoteLabel.key(bytes[labelStart..<position])
        position += 2
        while position < range.upperBound, bytes[position].isSpaceOrTab { position += 1 }
        return FootnoteDefinitionLine(
            line: line, key: key, marker: start..<position, hasText: position < range.upperBound)
    }
}

/// How footnote labels match: case-insensitively, as cmark-gfm matches them.
enum FootnoteLabel {
    static func key(_ label: some Collection<UInt8>) -> String {
        String(decoding: label, as: UTF8.self).lowercased()
    }
}
