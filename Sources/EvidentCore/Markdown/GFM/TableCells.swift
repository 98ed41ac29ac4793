/// The inlines of every table cell of a document, parsed by cmark in one document of their own: each cell a
/// paragraph, its text after a no-break space so that nothing in it starts a block (`# x`, `1. x`, `[a]: b`),
/// the space taken off again after parsing. When a cell may hold a reference link, the document's text follows
/// the cells, so that its link reference definitions are known.
struct TableCells {
    /// The tables, by the line of their header row (where the code fence that holds their place starts).
    var tables: [Int: FoundTable] = [:]
    /// The cells' parsed document.
    var nodes: [MarkdownNode] = []
    /// Per table (by header line), per row, per cell: the index of the cell's paragraph in `nodes`, nil when the
    /// cell could not be parsed apart (its text is then shown as it is).
    var paragraphs: [Int: [[Int?]]] = [:]

    init(_ found: [FoundTable], source: String) {
        guard !found.isEmpty else { return }
        var text = ""
        var mayHoldReference = false
        for table in found {
            tables[table.rows[0].line] = table
            for row in table.rows {
                for cell in row.cells {
                    text += "\u{A0}" + cell + "\n\n"
                    mayHoldReference = mayHoldReference || cell.contains("[")
                }
            }
        }
        if mayHoldReference { text += "\n" + source }
        nodes = MarkdownDocument.cmarkNodes(text)
        var cellParagraphs = nodes.children(of: MarkdownDocument.rootIndex).makeIterator()
        for table in found {
            paragraphs[table.rows[0].line] = table.rows.map { row in
                row.cells.map { _ in cellParagraphs.next().flatMap { claim($0, line: row.line) } }
            }
        }
    }

    /// Takes the no-break space off a cell's paragraph and puts its nodes on the row's line; nil when the node is
    /// not the paragraph expected.
    private mutating func claim(_ paragraph: Int, line: Int) -> Int? {
        guard case .paragraph = nodes[paragraph].kind, paragraph + 1 < nodes[paragraph].subtreeEnd,
            case .text(let first) = nodes[paragraph + 1].kind, first.unicodeScalars.first == "\u{A0}"
        else { return nil }
        nodes[paragraph + 1].kind = .text(String(first.unicodeScalars.dropFirst()))
        nodes[paragraph + 1].range.startColumn += 2  // the space's two bytes
        for index in paragraph..<nodes[paragraph].subtreeEnd {
            nodes[index].range.startLine = line
            nodes[index].range.endLine = line
        }
        return paragraph
    }
}
