import Glibc

/// GitHub Flavored Markdown on top of plain libcmark: tables, strikethrough, extended autolinks, task lists and
/// footnotes, as cmark-gfm 0.29 renders them (the differences are listed in the docs' Markdown page).
///
/// cmark parses the text first. Block extensions are found in its tree and the source lines, then written back
/// into the text as CommonMark that cmark parses into the same places: a footnote definition's `[^label]:`
/// becomes the marker of a list item four columns wide (a definition holds its blocks as such an item does), a
/// table's first and last lines become code fences (so the lines after it start blocks as they do after a GFM
/// table). Line numbers never change. The cells are parsed as inlines in one more cmark document. Last,
/// `ExtensionPass` copies the tree, turning those list items and code blocks into footnotes and tables and
/// finding the inline extensions in text.
enum GFMExtensions {
    static func parse(_ original: String) -> [MarkdownNode] {
        let protected = EscapedPunctuation.protect(original)
        let text = protected ?? original
        var source = text
        var nodes = MarkdownDocument.cmarkNodes(text)
        var definitions: [FootnoteDefinitionLine] = []
        if contains(text, "[^") {
            let lines = SourceLines(text)
            definitions = FootnoteScan.find(in: nodes, lines: lines)
            if !definitions.isEmpty {
                source = FootnoteScan.rewrite(lines, definitions)
                nodes = MarkdownDocument.cmarkNodes(source)
            }
        }
        var tables: [FoundTable] = []
        if contains(source, "|") || contains(source, ":-") || contains(source, "-:") {
            // A table's end may leave lines of its paragraph that hold another table: look again until none.
            while true {
                let lines = SourceLines(source)
                let found = TableScan.find(in: nodes, lines: lines)
                if found.isEmpty { break }
                tables += found
                source = lines.replacing(found.flatMap(fences))
                nodes = MarkdownDocument.cmarkNodes(source)
            }
        }
        if !tables.isEmpty || !definitions.isEmpty || mayHoldInlineExtension(nodes) {
            var pass = ExtensionPass(
                document: nodes, cells: TableCells(tables, source: source), definitions: definitions)
            nodes = pass.run()
        }
        if protected != nil { EscapedPunctuation.restore(&nodes) }
        return nodes
    }

    /// The edits that turn a table's first and last lines into the fences of a code block around it.
    private static func fences(_ table: FoundTable) -> [(range: Range<Int>, with: String)] {
        let fence = String(repeating: "`", count: 8)
        return [(table.firstContent, fence + " gfm-table"), (table.lastContent, fence)]
    }

    private static func mayHoldInlineExtension(_ nodes: [MarkdownNode]) -> Bool {
        nodes.contains { node in
            guard case .text(let literal) = node.kind else { return false }
            return literal.hasPrefix("[") || InlineRun.mayHoldExtension(literal)
        }
    }

    /// Whether `text` holds `needle`, searched in its bytes in place (`memchr` for the first byte, then a compare):
    /// each essay's whole text is searched this way for the marks of footnotes and tables.
    private static func contains(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            guard var start = haystack.baseAddress else { return false }
            let end = start + haystack.count
            let first = Int32(needle.utf8Start.pointee)
            while end - start >= needle.utf8CodeUnitCount {
                guard let match = memchr(start, first, end - start) else { break }
                let found = UnsafePointer(match.assumingMemoryBound(to: UInt8.self))
                if end - found >= needle.utf8CodeUnitCount
                    && memcmp(found, needle.utf8Start, needle.utf8CodeUnitCount) == 0
                {
                    return true
                }
                start = found + 1
            }
            return false
        }
    }
}
