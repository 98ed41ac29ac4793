/// Builds a document's flat preorder node array one node at a time, without recursion.
struct TreeWriter {
    private(set) var nodes: [MarkdownNode] = []
    private var open: [Int] = []

    init(capacity: Int) {
        nodes.reserveCapacity(capacity)
    }

    /// Appends a node whose children follow, up to the matching `close()`; returns its index.
    @discardableResult
    mutating func open(_ kind: MarkdownNode.Kind, _ range: MarkdownSourceRange) -> Int {
        let index = leaf(kind, range)
        open.append(index)
        return index
    }

    /// Appends a node without children; returns its index.
    @discardableResult
    mutating func leaf(_ kind: MarkdownNode.Kind, _ range: MarkdownSourceRange) -> Int {
        let index = nodes.count
        nodes.append(MarkdownNode(kind: kind, range: range, parent: open.last, subtreeEnd: index + 1))
        return index
    }

    mutating func close() {
        let index = open.removeLast()
        nodes[index].subtreeEnd = nodes.count
    }

    /// Replaces the kind of a node already written.
    mutating func setKind(_ kind: MarkdownNode.Kind, at index: Int) {
        nodes[index].kind = kind
    }
}
