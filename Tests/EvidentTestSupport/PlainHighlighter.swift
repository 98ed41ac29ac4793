import EvidentCore
import EvidentRendering
import Foundation

/// A highlighter that answers from memory: each block becomes one `<span class="n">` holding its escaped code, and
/// a language named `none` has no lexer. It counts the blocks it was asked for.
package final class PlainHighlighter: Highlighter, @unchecked Sendable {
    /// The code of every block highlighted, in order.
    package private(set) var asked: [String] = []

    package init() {}

    package func highlight(
        _ blocks: [(language: String, code: String)], log: Log, add: (Data?) throws -> Void
    ) throws -> Bool {
        asked += blocks.map(\.code)
        for block in blocks {
            try add(block.language == "none" ? nil : Data(#"<span class="n">\#(Escape.html(block.code))</span>"#.utf8))
        }
        return true
    }
}
