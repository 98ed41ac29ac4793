import Foundation

/// A code block to highlight: its language (the info string's first word) and its text.
struct CodeSample: Hashable, Sendable {
    var language: String
    var code: String

    /// The blocks of a document that name a language and are not directives.
    static func samples(of document: MarkdownDocument) -> [CodeSample] {
        document.codeBlocks.compactMap { block in
            guard !block.language.isEmpty, !Directive.kinds.contains(String(block.language)) else { return nil }
            return CodeSample(language: String(block.language), code: block.literal)
        }
    }
}

/// Code blocks highlighted at build time by Pygments: one batch per build for every block not yet in the cache
/// (`HighlightCache`), so a rebuild highlights only new code.
struct HighlightedCode: Sendable {
    /// Highlighted HTML by block; an empty string means Pygments has no lexer for the language.
    private var html: [CodeSample: String] = [:]

    /// The `<pre><code>` for a block, or nil to keep cmark's plain escaped rendering.
    func html(language: Substring, code: String) -> String? {
        guard !language.isEmpty, let spans = html[CodeSample(language: String(language), code: code)], !spans.isEmpty
        else { return nil }
        return "<pre class=\"highlight\"><code class=\"language-\(Escape.html(language))\">\(spans)</code></pre>\n"
    }

    /// Highlights every code block not yet cached; without Pygments, warns and highlights none. The cache file is
    /// rewritten only when it changes: with new blocks, or without ones no longer used.
    static func prepare(_ blocks: [CodeSample], python: String, cache: URL, log: Log) throws -> HighlightedCode {
        let file = HighlightCache.file(in: cache)
        let cached = HighlightCache.load(file)
        var result = HighlightedCode()
        var missing: [CodeSample] = []
        for block in blocks where result.html[block] == nil {
            if let html = cached[block] {
                result.html[block] = html
            } else {
                result.html[block] = ""  // a placeholder, so that a repeated block is asked for once
                missing.append(block)
            }
        }
        guard !missing.isEmpty || result.html.count != cached.count else { return result }
        if !missing.isEmpty {
            guard let highlighted = Pygments.highlight(missing.map { ($0.language, $0.code) }, python: python, log: log)
            else {
                for block in missing { result.html[block] = nil }
                return result
            }
            for (block, spans) in zip(missing, highlighted) { result.html[block] = spans ?? "" }
        }
        try? HighlightCache.save(result.html, to: file)
        return result
    }
}
