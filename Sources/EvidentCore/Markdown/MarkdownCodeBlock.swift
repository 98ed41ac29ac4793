/// A code block of a document, with what directive collection and highlighting need.
package struct MarkdownCodeBlock: Sendable, Equatable {
    /// The block's index in `MarkdownDocument.nodes`.
    package var index: Int
    /// The whole info string after the opening fence (`bench`, `python title=x`); empty for indented blocks.
    var info: String
    /// The block's content, ending with a newline unless empty.
    package var literal: String
    /// The 1-based line of the opening fence (of the first line, for indented blocks); the content starts on
    /// the next line.
    package var line: Int

    /// The first word of the info string (`bench`, `python`), or an empty string.
    package var language: Substring {
        info.prefix { $0 != " " && $0 != "\t" }
    }
}

extension MarkdownDocument {
    /// Every code block, fenced or indented, in document order.
    package var codeBlocks: [MarkdownCodeBlock] {
        var blocks: [MarkdownCodeBlock] = []
        for (index, node) in nodes.enumerated() {
            if case .codeBlock(let info, let literal) = node.kind {
                blocks.append(MarkdownCodeBlock(index: index, info: info, literal: literal, line: node.range.startLine))
            }
        }
        return blocks
    }
}
