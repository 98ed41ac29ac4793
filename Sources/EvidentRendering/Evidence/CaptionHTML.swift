import EvidentCore

/// A directive's caption, one Markdown sentence, as HTML: rendered in safe mode (raw HTML in it is dropped),
/// without the paragraph around it when it is a single paragraph.
enum CaptionHTML {
    /// - Parameter inlineCode: resolves the code spans of the caption, such as inline references.
    static func render(_ caption: String?, inlineCode: MarkdownRenderer.InlineCodeHook?) throws -> String? {
        guard let caption, !caption.isEmpty else { return nil }
        let html = try MarkdownRenderer(inlineCode: inlineCode).render(MarkdownDocument(parsing: caption)).html
        let trimmed = html.hasSuffix("\n") ? String(html.dropLast()) : html
        let inner = trimmed.dropFirst("<p>".count).dropLast("</p>".count)
        guard trimmed.hasPrefix("<p>"), trimmed.hasSuffix("</p>"), !inner.contains("<p>") else { return trimmed }
        return String(inner)
    }
}
