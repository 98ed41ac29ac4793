/// A code block of a document, with what directive collection and highlighting need.
public struct MarkdownCodeBlock: Sendable, Equatable {
    /// The block's index in `MarkdownDocument.nodes`.
    public var index: Int
    /// The whole info string after the opening fence (`bench`, `python title=x`); empty for indented blocks.
    public var info: String
    /// The block's content, ending with a newline unless empty.
    public var literal: String
    /// The 1-based line of the opening fence (of the first line, for indented blocks); the content starts on
    /// the next line.
    public var line: Int

    /// The first word of the info string (`bench`, `python`), or an empty string.
    public var language: Substring {
        info.prefix { $0 != " " && $0 != "\t" }
    }
}

extension MarkdownDocument {
    /// Every code block, fenced or indented, in document order.
    public var codeBlocks: [MarkdownCodeBlock] {
        var blocks: [MarkdownCodeBlock] = []
        for (index, node) in nodes.enumerated() {
            if case .codeBlock(let info, let literal) = node.kind {
                blocks.append(MarkdownCodeBlock(index: index, info: info, literal: literal, line: node.range.startLine))
            }
        }
        return blocks
    }
}
