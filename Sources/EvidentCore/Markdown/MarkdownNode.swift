/// One node of a parsed Markdown document: what it is, where it came from, and where it sits in the tree.
///
/// Nodes live in `MarkdownDocument.nodes` in preorder (document order). A node's descendants are the nodes
/// right after it, up to `subtreeEnd`; its parent is an index too, so no value refers to another value and
/// neither walking nor freeing a document can recurse.
package struct MarkdownNode: Sendable, Equatable {
    /// What the node is, with every attribute cmark keeps for it.
    package enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(MarkdownList)
        case item
        /// A fenced or indented code block; `info` is the whole info string (empty when indented).
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case customBlock(onEnter: String, onExit: String)
        case paragraph
        /// An ATX or setext heading, `level` 1...6.
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        /// An inline code span, its content as cmark normalised it.
        case code(String)
        case htmlInline(String)
        case customInline(onEnter: String, onExit: String)
        case emphasis
        case strong
        case link(url: String, title: String)
        case image(url: String, title: String)
        /// A GFM table: its children are rows, the header row first.
        case table(alignments: [MarkdownTableAlignment])
        /// A row of a table; the first row is the header.
        case tableRow(isHeader: Bool)
        /// A cell of a table row, holding inlines, aligned as its column's delimiter says.
        case tableCell(MarkdownTableAlignment)
        /// GFM strikethrough (`~~text~~` or `~text~`), holding inlines.
        case strikethrough
        /// The checkbox of a GFM task list item: the first inline of the item's first paragraph.
        case taskListMarker(isChecked: Bool)
        /// A reference to a footnote (`[^label]`). Footnotes are numbered from 1 in the order they are first
        /// referenced; `occurrence` counts the references to the same footnote from 1.
        case footnoteReference(number: Int, occurrence: Int)
        /// The referenced footnotes, the document's last child, holding their definitions in number order.
        case footnotes
        /// One footnote's blocks; `references` is how many references point to it.
        case footnoteDefinition(number: Int, references: Int)
    }

    package var kind: Kind
    /// Where the node is in the text it was parsed from.
    package var range: MarkdownSourceRange
    /// The index of the parent node; nil for the document node.
    package var parent: Int?
    /// One past the index of the node's last descendant: its descendants are `index + 1 ..< subtreeEnd`.
    package internal(set) var subtreeEnd: Int
}

/// How a table column is aligned, from the colons of its delimiter (`:--`, `:-:`, `--:`).
package enum MarkdownTableAlignment: Sendable, Equatable {
    case none
    case left
    case center
    case right
}

/// The attributes of a list.
package struct MarkdownList: Sendable, Equatable {
    /// Whether the list is bulleted or numbered.
    package enum Kind: Sendable, Equatable {
        case bullet
        case ordered
    }

    /// What follows an ordered list's numbers; `none` for bullet lists.
    package enum Delimiter: Sendable, Equatable {
        case none
        case period
        case parenthesis
    }

    package var kind: Kind
    package var delimiter: Delimiter
    /// The first number of an ordered list (0 for bullet lists).
    package var start: Int
    /// A tight list renders its paragraphs without `<p>`.
    package var isTight: Bool
}

/// A node's place in the parsed text, as cmark's source positions give it: 1-based lines relative to the text
/// passed to the parser, 1-based byte columns, both ends inclusive.
package struct MarkdownSourceRange: Sendable, Equatable {
    package var startLine: Int
    var startColumn: Int
    package var endLine: Int
    var endColumn: Int
}
