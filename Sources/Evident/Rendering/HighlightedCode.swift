import Foundation

/// A code block to highlight: its language (the info string's first word) and its text.
struct CodeSample: Sendable {
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

/// Code blocks highlighted at build time by Pygments: one Python process per build for every block not yet in
/// the cache (`<site>/.evident-cache/highlight/<sha256>.html`), so a rebuild highlights only new code.
struct HighlightedCode: Sendable {
    /// Highlighted HTML by cache key; an empty string means Pygments has no lexer for the language.
    private var html: [String: String] = [:]

    /// The `<pre><code>` for a block, or nil to keep cmark's plain escaped rendering.
    func html(language: Substring, code: String) -> String? {
        guard !language.isEmpty, let spans = html[Self.key(language: language, code: code)], !spans.isEmpty else {
            return nil
        }
        return "<pre class=\"highlight\"><code class=\"language-\(Escape.html(language))\">\(spans)</code></pre>\n"
    }

    /// Highlights every code block not yet cached; without Pygments, warns and highlights none.
    static func prepare(_ blocks: [CodeSample], python: String, cache: URL, log: Log) throws -> HighlightedCode {
        let folder = cache.appendingPathComponent("highlight", isDirectory: true)
        var result = HighlightedCode()
        var missing: [(key: String, language: String, code: String)] = []
        var seen = Set<String>()
        for block in blocks {
            let key = key(language: block.language[...], code: block.code)
            guard seen.insert(key).inserted else { continue }
            if let cached = try? String(contentsOf: folder.appendingPathComponent(key), encoding: .utf8) {
                result.html[key] = cached
            } else {
                missing.append((key, block.language, block.code))
            }
        }
        guard !missing.isEmpty else { return result }
        guard let highlighted = Pygments.highlight(missing.map { ($0.language, $0.code) }, python: python, log: log)
        else { return result }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (block, spans) in zip(missing, highlighted) {
            result.html[block.key] = spans ?? ""
            try? Data((spans ?? "").utf8).write(to: folder.appendingPathComponent(block.key), options: .atomic)
        }
        return result
    }

    private static func key(language: Substring, code: String) -> String {
        var hash = SHA256()
        hash.update("pygments-html-1\u{0}\(language)\u{0}")
        hash.update(code)
        return hash.hexDigest()
    }
}
