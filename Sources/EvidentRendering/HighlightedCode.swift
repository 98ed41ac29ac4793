import EvidentCore
import EvidentEvidence
import Foundation

/// A code block to highlight: its language (the info string's first word) and its text.
package struct CodeSample: Hashable, Sendable {
    var language: String
    var code: String

    /// The code `include` blocks show, to highlight with the rest.
    package static func samples(of includes: [EssayDirectives]) -> [CodeSample] {
        includes.flatMap { $0.includes.values.map(IncludeView.sample) }
    }

    /// The blocks of a document that name a language and are neither directives nor includes.
    package static func samples(of document: MarkdownDocument) -> [CodeSample] {
        document.codeBlocks.compactMap { block in
            guard !block.language.isEmpty, DirectiveKind(infoString: block.language) == nil,
                block.language != CodeInclude.infoString
            else { return nil }
            return CodeSample(language: String(block.language), code: block.literal)
        }
    }
}

/// Code blocks highlighted at build time (by Pygments): one batch per build for every block not yet in the cache
/// (`HighlightCache`), so a rebuild highlights only new code.
package struct HighlightedCode: Sendable {
    private var cache = HighlightCache()
    /// Blocks highlighted by this build; an empty string means the language has no lexer.
    private var fresh: [CodeSample: String] = [:]

    /// The `<pre><code>` for a block, or nil to keep cmark's plain escaped rendering.
    func html(language: Substring, code: String) -> String? {
        guard !language.isEmpty else { return nil }
        let block = CodeSample(language: String(language), code: code)
        guard let spans = fresh[block] ?? cache.find(block).map(cache.html), !spans.isEmpty else { return nil }
        return "<pre class=\"highlight\"><code class=\"language-\(Escape.html(language))\">\(spans)</code></pre>\n"
    }

    /// The highlighting stored by earlier builds.
    package static func cached(in folder: URL) -> HighlightedCode {
        var result = HighlightedCode()
        result.cache = HighlightCache(file: HighlightCache.file(in: folder))
        return result
    }

    /// The cache entries of the blocks when the cache holds every one of them; nil otherwise.
    package func cacheEntries(for blocks: [CodeSample]) -> [Int]? {
        var entries: [Int] = []
        for block in blocks {
            guard let entry = cache.find(block) else { return nil }
            entries.append(entry)
        }
        return entries
    }

    /// Highlights every one of `blocks` not yet cached; when the highlighter cannot run, highlights none. The cache
    /// file is rewritten only when it changes: with new blocks, or without ones no longer used (`keeping` are
    /// entries already known to be used, by pages rendered from the cache).
    package func adding(
        _ blocks: [CodeSample], keeping used: Set<Int>, highlighter: Highlighter, cache folder: URL, log: Log
    ) throws -> HighlightedCode {
        let file = HighlightCache.file(in: folder)
        var result = self
        var kept = used
        var missing: [CodeSample] = []
        var asked = Set<CodeSample>()
        for block in blocks {
            if let entry = cache.find(block) {
                kept.insert(entry)
            } else if asked.insert(block).inserted {
                missing.append(block)
            }
        }
        guard !missing.isEmpty || kept.count != cache.count else { return result }
        var added: [(CodeSample, Data)] = []
        if !missing.isEmpty {
            guard let highlighted = highlighter.highlight(missing.map { ($0.language, $0.code) }, log: log)
            else { return result }
            added = zip(missing, highlighted.map { $0 ?? Data() }).map { ($0, $1) }
        }
        do {
            // Read back from the file, so that the new HTML is held once, as bytes, rather than as strings.
            try cache.save(keeping: Array(kept), adding: added, to: file)
            result.cache = HighlightCache(file: file)
        } catch {
            result.fresh = Dictionary(
                added.map { ($0, String(decoding: $1, as: UTF8.self)) }, uniquingKeysWith: { first, _ in first })
        }
        return result
    }
}
