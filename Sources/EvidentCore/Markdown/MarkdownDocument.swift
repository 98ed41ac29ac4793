/// A parsed Markdown document, copied out of cmark into Swift values.
///
/// The tree is stored flat, in preorder: the document node is at index 0, every node's descendants follow it,
/// and a node's descendants are the indices up to its `subtreeEnd`. Iterating `nodes` is therefore a preorder walk, and a document nested
/// 100,000 levels deep is as safe to walk, copy and free as a flat one.
package struct MarkdownDocument: Sendable, Equatable {
    /// Every node, in document order; the document node is `nodes[0]`.
    package internal(set) var nodes: [MarkdownNode]

    /// The index of the document node.
    package static let rootIndex = 0

    /// The text a reader sees in the node and its descendants, without markup: text and code literals, line
    /// breaks as spaces (for headings: the text their ids and tables of contents are made from).
    package func plainText(of index: Int) -> String {
        var text = ""
        for node in nodes[index..<nodes[index].subtreeEnd] {
            switch node.kind {
            case .text(let literal), .code(let literal):
                text += literal
            case .softBreak, .lineBreak:
                text += " "
            default:
                break
            }
        }
        return text
    }
}

extension MarkdownDocument {
    /// The indices of a node's children, in order.
    package func children(of index: Int) -> [Int] {
        nodes.children(of: index)
    }
}

extension [MarkdownNode] {
    /// The indices of the children of the node at `index`, in order.
    func children(of index: Int) -> [Int] {
        var children: [Int] = []
        var child = index + 1
        while child < self[index].subtreeEnd {
            children.append(child)
            child = self[child].subtreeEnd
        }
        return children
    }
}
