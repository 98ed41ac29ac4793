import CCmark

extension MarkdownDocument {
    /// Parses GitHub Flavored Markdown: CommonMark by cmark, then our extension layer (tables, strikethrough,
    /// autolinks, task lists, footnotes; see `GFMExtensions`). cmark accepts any input, so parsing cannot fail.
    package init(parsing text: String) {
        self.init(nodes: GFMExtensions.parse(text))
    }

    /// Parses CommonMark alone, without the GFM extensions.
    package init(parsingCommonMark text: String) {
        self.init(nodes: Self.cmarkNodes(text))
    }

    /// Parses with cmark, copies the whole tree into Swift values and frees the C tree at once.
    ///
    /// The walk uses an explicit stack of ancestors.
    static func cmarkNodes(_ text: String) -> [MarkdownNode] {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let root = text.withCString { cmark_parse_document($0, text.utf8.count, options) }!
        defer { cmark_node_free(root) }

        // Reserve exactly: a guess from the text's length over-allocates several times on plain prose, and the
        // essays parsed on every core at once add up. Counting first is one cheap pass over cmark's tree.
        var nodes: [MarkdownNode] = []
        nodes.reserveCapacity(Self.nodeCount(root))
        var ancestors: [Int] = []
        var cursor: OpaquePointer? = root
        while let node = cursor {
            let index = nodes.count
            nodes.append(MarkdownNode(copying: node, parent: ancestors.last, index: index))
            if let child = cmark_node_first_child(node) {
                ancestors.append(index)
                cursor = child
                continue
            }
            // The node is a leaf: move to the next sibling of it or of its closest ancestor that has one,
            // closing each ancestor passed on the way up.
            var finished = node
            cursor = nil
            while true {
                if let next = cmark_node_next(finished) {
                    cursor = next
                    break
                }
                guard let parent = ancestors.popLast() else { break }
                nodes[parent].subtreeEnd = nodes.count
                finished = cmark_node_parent(finished)
            }
        }
        return nodes
    }

    /// The number of nodes in a cmark tree.
    private static func nodeCount(_ root: OpaquePointer) -> Int {
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        var count = 0
        while true {
            switch cmark_iter_next(iterator) {
            case CMARK_EVENT_DONE: return count
            case CMARK_EVENT_ENTER: count += 1
            default: continue
            }
        }
    }
}

extension MarkdownNode {
    fileprivate init(copying node: OpaquePointer, parent: Int?, index: Int) {
        self.kind = Kind(copying: node)
        self.range = MarkdownSourceRange(
            startLine: Int(cmark_node_get_start_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            endColumn: Int(cmark_node_get_end_column(node))
        )
        self.parent = parent
        self.subtreeEnd = index + 1
    }
}

extension MarkdownNode.Kind {
    fileprivate init(copying node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
        case CMARK_NODE_LIST: self = .list(MarkdownList(copying: node))
        case CMARK_NODE_ITEM: self = .item
        case CMARK_NODE_CODE_BLOCK:
            self = .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: literal(node))
        case CMARK_NODE_HTML_BLOCK: self = .htmlBlock(literal(node))
        case CMARK_NODE_CUSTOM_BLOCK:
            self = .customBlock(
                onEnter: string(cmark_node_get_on_enter(node)), onExit: string(cmark_node_get_on_exit(node)))
        case CMARK_NODE_PARAGRAPH: self = .paragraph
        case CMARK_NODE_HEADING: self = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
        case CMARK_NODE_TEXT: self = .text(literal(node))
        case CMARK_NODE_SOFTBREAK: self = .softBreak
        case CMARK_NODE_LINEBREAK: self = .lineBreak
        case CMARK_NODE_CODE: self = .code(literal(node))
        case CMARK_NODE_HTML_INLINE: self = .htmlInline(literal(node))
        case CMARK_NODE_CUSTOM_INLINE:
            self = .customInline(
                onEnter: string(cmark_node_get_on_enter(node)), onExit: string(cmark_node_get_on_exit(node)))
        case CMARK_NODE_EMPH: self = .emphasis
        case CMARK_NODE_STRONG: self = .strong
        case CMARK_NODE_LINK:
            self = .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            self = .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: self = .document  // CMARK_NODE_DOCUMENT, the only type left
        }
    }
}

extension MarkdownList {
    fileprivate init(copying node: OpaquePointer) {
        self.kind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? .ordered : .bullet
        switch cmark_node_get_list_delim(node) {
        case CMARK_PERIOD_DELIM: self.delimiter = .period
        case CMARK_PAREN_DELIM: self.delimiter = .parenthesis
        default: self.delimiter = .none
        }
        self.start = Int(cmark_node_get_list_start(node))
        self.isTight = cmark_node_get_list_tight(node) != 0
    }
}

private func literal(_ node: OpaquePointer) -> String {
    string(cmark_node_get_literal(node))
}

private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
}
