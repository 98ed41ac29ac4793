/// A table found in a paragraph's lines, before its cells' inlines are parsed.
struct FoundTable {
    var alignments: [MarkdownTableAlignment]
    /// Each row's 1-based line and cell texts, the header first; every row has one cell per column.
    var rows: [(line: Int, cells: [String])]
    /// Where the header line's and the last line's content start (after their containers' markers) and end.
    var firstContent: Range<Int>
    var lastContent: Range<Int>
}

/// Finds GFM tables in the paragraphs (and setext headings) cmark parsed: a header row, a delimiter row with as
/// many cells right under it, then body rows until a line that ends the table.
///
/// cmark-gfm finds the table while parsing blocks; plain cmark has made its lines a paragraph, so the table is
/// read back from the paragraph's source lines.
enum TableScan {
    static func find(in nodes: [MarkdownNode], lines: SourceLines) -> [FoundTable] {
        var tables: [FoundTable] = []
        for (index, node) in nodes.enumerated() where node.range.endLine > node.range.startLine {
            switch node.kind {
            case .paragraph, .heading:
                guard hasDelimiterLikeLine(node.range, lines),
                    let prefix = ContainerPrefix(of: index, in: nodes, lines: lines),
                    let table = table(in: node, prefix: prefix, lines: lines)
                else { continue }
                tables.append(table)
            default:
                continue
            }
        }
        return tables
    }

    /// A cheap test before reading containers: some line after the first holds only `|:-`, spaces and `>`, with a
    /// `-`, and a `|` or `:`.
    private static func hasDelimiterLikeLine(_ range: MarkdownSourceRange, _ lines: SourceLines) -> Bool {
        for number in range.startLine + 1...range.endLine {
            var dash = false
            var mark = false
            var other = false
            for byte in lines.bytes[lines.line(number)] {
                switch byte {
                case UInt8(ascii: "-"): dash = true
                case UInt8(ascii: "|"), UInt8(ascii: ":"): mark = true
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"): break
                default: other = true
                }
                if other { break }
            }
            if dash && mark && !other { return true }
        }
        return false
    }

    private static func table(in node: MarkdownNode, prefix: ContainerPrefix, lines: SourceLines) -> FoundTable? {
        let first = node.range.startLine
        var contents: [(range: Range<Int>, isLazy: Bool)] = []
        for number in first...node.range.endLine {
            let line = lines.line(number)
            if number == first {
                contents.append(
                    (min(line.lowerBound + node.range.startColumn - 1, line.upperBound)..<line.upperBound, false))
            } else {
                let start = prefix.start(ofLine: number)
                contents.append((start.position..<line.upperBound, start.isLazy))
            }
        }
        // A setext heading's underline cannot be the delimiter row: cmark-gfm reads it as the underline first.
        var isHeading = false
        if case .heading = node.kind { isHeading = true }
        let lastDelimiter = contents.count - (isHeading ? 2 : 1)
        guard lastDelimiter >= 1 else { return nil }
        for header in 0..<lastDelimiter {
            let delimiter = contents[header + 1]
            guard !delimiter.isLazy, let alignments = TableRow.delimiter(lines.bytes, delimiter.range),
                let headerCells = TableRow.cells(lines.bytes, contents[header].range),
                headerCells.count == alignments.count
            else { continue }
            var rows = [(first + header, headerCells)]
            var last = header + 1
            while last + 1 < contents.count, !contents[last + 1].isLazy,
                !TableEnd.endsTable(lines.bytes, contents[last + 1].range),
                let cells = TableRow.cells(lines.bytes, contents[last + 1].range)
            {
                last += 1
                let padded =
                    cells.prefix(alignments.count) + Array(repeating: "", count: max(0, alignments.count - cells.count))
                rows.append((first + last, Array(padded)))
            }
            return FoundTable(
                alignments: alignments, rows: rows, firstContent: contents[header].range,
                lastContent: contents[last].range)
        }
        return nil
    }
}
