import CCmark
import EvidentCore
import Glibc

/// Renders a parsed document to HTML through cmark's own HTML renderer.
///
/// Headings get a unique id and a self-link. Hooks let later layers put HTML of their own in place of code
/// blocks (directives, highlighting) and code spans (inline references); that HTML is output as is, even in
/// safe mode, while raw HTML written in the Markdown is suppressed unless `unsafeHTML` is set.
struct MarkdownRenderer {
    /// Called for each code block in document order with its info string, content, 1-based start line and the
    /// level of the heading it is under (1, the page title's, before the first heading); returns the HTML to put in
    /// its place, or nil to keep cmark's `<pre><code>`.
    typealias CodeBlockHook = (_ info: String, _ literal: String, _ line: Int, _ headingLevel: Int) throws -> String?
    /// Called for each code span in document order with its content and 1-based line; returns the HTML to put
    /// in its place, or nil to keep cmark's `<code>`.
    typealias InlineCodeHook = (_ literal: String, _ line: Int) throws -> String?

    /// Keep raw HTML blocks and inlines of the Markdown (cmark's `CMARK_OPT_UNSAFE`); off, they are omitted.
    var unsafeHTML: Bool
    /// Ids used elsewhere on the page that heading ids must avoid.
    var reservedIDs: Set<String>
    var codeBlock: CodeBlockHook?
    var inlineCode: InlineCodeHook?

    init(
        unsafeHTML: Bool = false,
        reservedIDs: Set<String> = [],
        codeBlock: CodeBlockHook? = nil,
        inlineCode: InlineCodeHook? = nil
    ) {
        self.unsafeHTML = unsafeHTML
        self.reservedIDs = reservedIDs
        self.codeBlock = codeBlock
        self.inlineCode = inlineCode
    }

    /// The document's HTML and its headings. An error thrown by a hook propagates out unchanged.
    func render(_ document: MarkdownDocument) throws -> RenderedMarkdown {
        var replacements: [(index: Int, replacement: CmarkTreeBuilder.Replacement)] = []
        var headings: [MarkdownHeading] = []
        var ids = HeadingIDs(reserved: reservedIDs.union(GFMHTML.ids(in: document)))
        var tables = 0
        for (index, node) in document.nodes.enumerated() {
            switch node.kind {
            case .codeBlock(let info, let literal):
                let level = headings.last?.level ?? 1
                if let codeBlock, let html = try codeBlock(info, literal, node.range.startLine, level) {
                    replacements.append((index, .block(html)))
                }
            case .code(let literal):
                if let inlineCode, let html = try inlineCode(literal, node.range.startLine) {
                    replacements.append((index, .inline(html)))
                }
            case .heading(let level):
                let text = document.plainText(of: index)
                let id = ids.makeID(for: text)
                headings.append(MarkdownHeading(level: level, text: text, id: id, line: node.range.startLine))
                replacements.append(
                    (index, .inlines(open: Self.openingTag(level: level, id: id), close: closingTags[level])))
            case .table, .tableRow, .tableCell:
                if case .table = node.kind { tables += 1 }
                replacements.append((index, Self.tablePart(document, index, tableNumber: tables)))
            default:
                break
            }
        }

        let root = CmarkTreeBuilder.build(document, replacements: replacements, appendices: Self.backLinks(document))
        defer { cmark_node_free(root) }
        let html = cmark_render_html(root, unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)!
        defer { free(html) }
        return RenderedMarkdown(html: String(cString: html), headings: headings)
    }
}

extension MarkdownRenderer {
    /// A table, row or cell's tags, which depend on where it is: the table's number on the page, a row's place
    /// in the head or body, a cell's row.
    fileprivate static func tablePart(_ document: MarkdownDocument, _ index: Int, tableNumber: Int)
        -> CmarkTreeBuilder.Replacement
    {
        let nodes = document.nodes
        switch nodes[index].kind {
        case .tableRow(let isHeader):
            let parent = nodes[index].parent ?? MarkdownDocument.rootIndex
            var isFirstBody = false
            if case .tableRow(isHeader: true) = nodes[previousSibling(nodes, index)].kind { isFirstBody = true }
            let tags = GFMHTML.row(
                isHeader: isHeader, isFirstBody: isFirstBody,
                isLast: nodes[index].subtreeEnd == nodes[parent].subtreeEnd)
            return .blocks(open: tags.open, close: tags.close)
        case .tableCell(let alignment):
            var isHeader = false
            if let row = nodes[index].parent, case .tableRow(true) = nodes[row].kind { isHeader = true }
            return .inlines(open: GFMHTML.cellOpen(alignment, isHeader: isHeader), close: isHeader ? "</th>" : "</td>")
        default:
            let tags = GFMHTML.table(number: tableNumber)
            return .blocks(open: tags.open, close: tags.close)
        }
    }

    /// The index of the sibling before a node, or its parent's when it is the first child.
    private static func previousSibling(_ nodes: [MarkdownNode], _ index: Int) -> Int {
        let parent = nodes[index].parent ?? MarkdownDocument.rootIndex
        var sibling = parent
        var child = parent + 1
        while child < index {
            sibling = child
            child = nodes[child].subtreeEnd
        }
        return sibling
    }

    /// The links back from each footnote to its references: at the end of its last paragraph, or after its last
    /// block when that is not a paragraph.
    fileprivate static func backLinks(_ document: MarkdownDocument) -> [CmarkTreeBuilder.Appendix] {
        var appendices: [CmarkTreeBuilder.Appendix] = []
        for (index, node) in document.nodes.enumerated() {
            guard case .footnoteDefinition(let number, let references) = node.kind else { continue }
            let html = GFMHTML.backReferences(number, count: references)
            if let last = document.children(of: index).last, case .paragraph = document.nodes[last].kind {
                appendices.append(.init(index: last, html: html, isInline: true))
            } else {
                appendices.append(.init(index: index, html: String(html.dropFirst()), isInline: false))
            }
        }
        return appendices
    }

    /// `<h2 id="the-question"><a class="anchor" href="#the-question" aria-hidden="true" tabindex="-1">#</a>`: a link
    /// for the mouse, hidden from screen readers and so kept out of the tab order. The id needs no escaping, as
    /// `HeadingIDs` makes it of letters, digits and dashes.
    fileprivate static func openingTag(level: Int, id: String) -> String {
        var tag = openingTagStarts[level]
        tag.reserveCapacity(tag.utf8.count + 2 * id.utf8.count + 56)
        tag += id
        tag += "\"><a class=\"anchor\" href=\"#"
        tag += id
        tag += "\" aria-hidden=\"true\" tabindex=\"-1\">#</a>"
        return tag
    }
}

private let openingTagStarts = (0...6).map { "<h\($0) id=\"" }
private let closingTags = (0...6).map { "</h\($0)>" }

/// What rendering a document produces.
struct RenderedMarkdown: Sendable, Equatable {
    /// The body HTML.
    var html: String
    /// Every heading in document order, for a table of contents.
    var headings: [MarkdownHeading]
}

/// A rendered heading: enough to link to it from a table of contents.
struct MarkdownHeading: Sendable, Equatable {
    /// 1...6.
    var level: Int
    /// The heading's plain text.
    var text: String
    /// The heading's `id` in the HTML, unique on the page.
    var id: String
    /// The 1-based line of the heading in the parsed text.
    var line: Int
}
