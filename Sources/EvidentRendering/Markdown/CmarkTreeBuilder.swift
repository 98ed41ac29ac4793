import CCmark
import EvidentCore

/// Rebuilds a cmark tree from a document's Swift values, replacing some nodes with HTML of our own.
///
/// Replacements become cmark custom nodes, whose text cmark's HTML renderer outputs as is, even in safe mode.
/// The build never recurses: it creates every node in document order, then attaches each to its parent in
/// reverse order with `prepend_child`, so that the parent is still detached and cmark's check that a child is
/// not an ancestor of its new parent looks at one or two nodes instead of the whole depth.
enum CmarkTreeBuilder {
    /// What to put in place of one node.
    enum Replacement {
        /// A block's raw HTML (for a code block).
        case block(String)
        /// An inline's raw HTML (for a code span).
        case inline(String)
        /// A block of inlines (a heading, a table cell): its opening and closing tags, its children between them.
        case inlines(open: String, close: String)
        /// A block of blocks (a table, a row): its opening and closing tags, its children between them.
        case blocks(open: String, close: String)
    }

    /// HTML to add as the last child of a node: an inline for a paragraph, a block for a container.
    struct Appendix {
        var index: Int
        var html: String
        var isInline: Bool
    }

    /// The root of a new cmark tree, which the caller frees with `cmark_node_free`.
    ///
    /// - Parameter replacements: ordered by node index, at most one per node.
    static func build(
        _ document: MarkdownDocument, replacements: [(index: Int, replacement: Replacement)],
        appendices: [Appendix] = []
    ) -> OpaquePointer {
        let nodes = document.nodes
        // `attached` is what goes into the parent, `container` what receives the node's children; they differ
        // only for headings, which become a custom block holding a custom inline.
        var created: [(attached: OpaquePointer, container: OpaquePointer)] = []
        created.reserveCapacity(nodes.count)
        var pending = replacements.makeIterator()
        var next = pending.next()
        for index in nodes.indices {
            var replacement: Replacement?
            if let candidate = next, candidate.index == index {
                replacement = candidate.replacement
                next = pending.next()
            }
            switch replacement {
            case .block(let html):
                let node = custom(CMARK_NODE_CUSTOM_BLOCK, onEnter: html)
                created.append((node, node))
            case .inline(let html):
                let node = custom(CMARK_NODE_CUSTOM_INLINE, onEnter: html)
                created.append((node, node))
            case .inlines(let open, let close):
                created.append(inlines(open: open, close: close))
            case .blocks(let open, let close):
                let node = custom(CMARK_NODE_CUSTOM_BLOCK, onEnter: open, onExit: close)
                created.append((node, node))
            case nil:
                created.append(makeNode(nodes[index].kind))
            }
        }
        for index in nodes.indices.reversed() {
            guard let parent = nodes[index].parent else { continue }
            cmark_node_prepend_child(created[parent].container, created[index].attached)
        }
        for appendix in appendices {
            let type = appendix.isInline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK
            cmark_node_append_child(created[appendix.index].container, custom(type, onEnter: appendix.html))
        }
        return created[MarkdownDocument.rootIndex].attached
    }

    /// A custom block holding a custom inline with the tags, which receives the children.
    private static func inlines(open: String, close: String) -> (attached: OpaquePointer, container: OpaquePointer) {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        let tags = custom(CMARK_NODE_CUSTOM_INLINE, onEnter: open, onExit: close)
        cmark_node_append_child(block, tags)
        return (block, tags)
    }

    private static func custom(_ type: cmark_node_type, onEnter: String, onExit: String? = nil) -> OpaquePointer {
        let node = cmark_node_new(type)!
        onEnter.withCString { _ = cmark_node_set_on_enter(node, $0) }
        if let onExit {
            onExit.withCString { _ = cmark_node_set_on_exit(node, $0) }
        }
        return node
    }

    private static func makeNode(_ kind: MarkdownNode.Kind) -> (attached: OpaquePointer, container: OpaquePointer) {
        let node: OpaquePointer
        switch kind {
        case .table, .tableRow, .footnotes, .footnoteDefinition:
            let tags = GFMHTML.blockTags(kind)
            node = custom(CMARK_NODE_CUSTOM_BLOCK, onEnter: tags.open, onExit: tags.close)
        case .tableCell(let alignment):
            return inlines(open: GFMHTML.cellOpen(alignment, isHeader: false), close: "</td>")
        case .strikethrough:
            node = custom(CMARK_NODE_CUSTOM_INLINE, onEnter: "<del>", onExit: "</del>")
        case .taskListMarker(let isChecked):
            node = custom(CMARK_NODE_CUSTOM_INLINE, onEnter: GFMHTML.checkbox(isChecked: isChecked))
        case .footnoteReference(let number, let occurrence):
            node = custom(CMARK_NODE_CUSTOM_INLINE, onEnter: GFMHTML.reference(number, occurrence))
        default:
            node = makeCommonMarkNode(kind)
        }
        return (node, node)
    }

    private static func makeCommonMarkNode(_ kind: MarkdownNode.Kind) -> OpaquePointer {
        switch kind {
        case .document:
            return cmark_node_new(CMARK_NODE_DOCUMENT)!
        case .blockQuote:
            return cmark_node_new(CMARK_NODE_BLOCK_QUOTE)!
        case .list(let list):
            let node = cmark_node_new(CMARK_NODE_LIST)!
            cmark_node_set_list_type(node, list.kind == .ordered ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST)
            switch list.delimiter {
            case .none: cmark_node_set_list_delim(node, CMARK_NO_DELIM)
            case .period: cmark_node_set_list_delim(node, CMARK_PERIOD_DELIM)
            case .parenthesis: cmark_node_set_list_delim(node, CMARK_PAREN_DELIM)
            }
            cmark_node_set_list_start(node, Int32(clamping: list.start))
            cmark_node_set_list_tight(node, list.isTight ? 1 : 0)
            return node
        case .item:
            return cmark_node_new(CMARK_NODE_ITEM)!
        case .codeBlock(let info, let literal):
            let node = leaf(CMARK_NODE_CODE_BLOCK, literal)
            info.withCString { _ = cmark_node_set_fence_info(node, $0) }
            return node
        case .htmlBlock(let literal):
            return leaf(CMARK_NODE_HTML_BLOCK, literal)
        case .customBlock(let onEnter, let onExit):
            return custom(CMARK_NODE_CUSTOM_BLOCK, onEnter: onEnter, onExit: onExit)
        case .paragraph:
            return cmark_node_new(CMARK_NODE_PARAGRAPH)!
        case .heading(let level):
            let node = cmark_node_new(CMARK_NODE_HEADING)!
            cmark_node_set_heading_level(node, Int32(level))
            return node
        case .thematicBreak:
            return cmark_node_new(CMARK_NODE_THEMATIC_BREAK)!
        case .text(let literal):
            return leaf(CMARK_NODE_TEXT, literal)
        case .softBreak:
            return cmark_node_new(CMARK_NODE_SOFTBREAK)!
        case .lineBreak:
            return cmark_node_new(CMARK_NODE_LINEBREAK)!
        case .code(let literal):
            return leaf(CMARK_NODE_CODE, literal)
        case .htmlInline(let literal):
            return leaf(CMARK_NODE_HTML_INLINE, literal)
        case .customInline(let onEnter, let onExit):
            return custom(CMARK_NODE_CUSTOM_INLINE, onEnter: onEnter, onExit: onExit)
        case .emphasis:
            return cmark_node_new(CMARK_NODE_EMPH)!
        case .strong:
            return cmark_node_new(CMARK_NODE_STRONG)!
        case .link(let url, let title):
            return link(CMARK_NODE_LINK, url: url, title: title)
        case .image(let url, let title):
            return link(CMARK_NODE_IMAGE, url: url, title: title)
        case .table, .tableRow, .tableCell, .strikethrough, .taskListMarker, .footnoteReference, .footnotes,
            .footnoteDefinition:
            preconditionFailure("makeNode builds the GFM nodes")
        }
    }

    private static func leaf(_ type: cmark_node_type, _ literal: String) -> OpaquePointer {
        let node = cmark_node_new(type)!
        literal.withCString { _ = cmark_node_set_literal(node, $0) }
        return node
    }

    private static func link(_ type: cmark_node_type, url: String, title: String) -> OpaquePointer {
        let node = cmark_node_new(type)!
        url.withCString { _ = cmark_node_set_url(node, $0) }
        if !title.isEmpty {
            title.withCString { _ = cmark_node_set_title(node, $0) }
        }
        return node
    }
}
