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
/// (`HighlightCache`), so a rebuild highlights only new code. The highlighting lives in the cache file, read a block
/// at a time, never all in memory.
package struct HighlightedCode: Sendable {
    private var cache = HighlightCache()

    /// The `<pre><code>` for a block, or nil to keep cmark's plain escaped rendering.
    func html(language: Substring, code: String) -> String? {
        guard !language.isEmpty else { return nil }
        guard let entry = cache.find(CodeSample(language: String(language), code: code)) else { return nil }
        let spans = cache.html(entry)
        guard !spans.isEmpty else { return nil }
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

    /// Highlights every one of `blocks` not yet cached, straight into a new cache file; when the highlighter cannot
    /// run, highlights none. The cache file is rewritten only when it changes: with new blocks, or without ones no
    /// longer used (`keeping` are entries already known to be used, by pages rendered from the cache). When the
    /// cache folder cannot be written, the new file is a temporary one, used by this build alone.
    package func adding(
        _ blocks: [CodeSample], keeping used: Set<Int>, highlighter: Highlighter, cache folder: URL, log: Log
    ) -> HighlightedCode {
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
        asked = []
        guard !missing.isEmpty || kept.count != cache.count else { return self }
        let (file, temporary) = Self.newFile(in: folder)
        do {
            try cache.save(keeping: Array(kept), to: file) { writer in
                guard !missing.isEmpty else { return }
                var next = 0
                let available = try highlighter.highlight(missing.map { ($0.language, $0.code) }, log: log) {
                    writer.append(missing[next], html: $0 ?? Data())
                    next += 1
                }
                guard available, next == missing.count else { throw Unavailable() }
            }
        } catch {
            return self
        }
        var result = self
        result.cache = HighlightCache(file: file)
        if temporary { unlink(file.path) }
        return result
    }

    /// Stops the cache file being replaced when the highlighter could not highlight every block.
    private struct Unavailable: Error {}

    /// Where the new cache file goes: the cache folder's, or a temporary file when that folder cannot be written
    /// (the file is then unlinked once open).
    private static func newFile(in folder: URL) -> (file: URL, temporary: Bool) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard access(folder.path, W_OK) != 0 else { return (HighlightCache.file(in: folder), false) }
        let name = "evident-highlight-\(getpid())-\(UUID().uuidString).pack"
        return (FileManager.default.temporaryDirectory.appendingPathComponent(name), true)
    }
}
