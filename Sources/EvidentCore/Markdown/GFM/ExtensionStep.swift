/// One thing the extension pass writes into the final tree, in document order.
enum ExtensionStep {
    /// A node of a source tree (0: the document, 1: the table cells) with its subtree.
    case node(tree: Int, index: Int, placement: InlinePlacement)
    /// The children of a node of a source tree, without the node itself.
    case children(tree: Int, of: Int, placement: InlinePlacement)
    case open(MarkdownNode.Kind, MarkdownSourceRange)
    case leaf(MarkdownNode.Kind, MarkdownSourceRange)
    case close
    /// A reference to the footnote with this key, numbered when it is written.
    case footnoteReference(key: String, MarkdownSourceRange)
    /// The referenced footnotes, at the document's end.
    case footnotes
    /// The next referenced footnote not yet written, if any.
    case nextFootnote
}

/// What surrounds an inline container, which decides the extensions allowed in it.
struct InlinePlacement {
    /// Inside a link or image: no autolinks or footnote references.
    var insideLink = false
    /// The first paragraph of a list item, which may start with a task list marker.
    var mayStartTask = false
}
