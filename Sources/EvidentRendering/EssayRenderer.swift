import EvidentCore
import EvidentEvidence
import Foundation

/// Renders one essay page: Markdown through cmark with directive blocks, inline references and highlighted
/// code put in place, then the `essay` template.
package struct EssayRenderer {
    var context: PageContext
    var templates: TemplateSet
    var highlights: HighlightedCode
    /// The evidence HTML of each essay's directives and inline references, by slug.
    var evidence: [String: EssayEvidenceHTML]

    package init(
        context: PageContext, templates: TemplateSet, highlights: HighlightedCode,
        evidence: [String: EssayEvidenceHTML]
    ) {
        self.context = context
        self.templates = templates
        self.highlights = highlights
        self.evidence = evidence
    }

    package func render(_ parsed: ParsedEssay) throws -> (page: PublishedPage, html: String) {
        let evidence = evidence[parsed.source.slug] ?? EssayEvidenceHTML()
        let renderer = MarkdownRenderer(
            unsafeHTML: context.config.unsafeHTML,
            reservedIDs: evidence.anchors,
            codeBlock: { info, literal, line, level in
                let language = info.prefix { $0 != " " && $0 != "\t" }
                if DirectiveKind(infoString: language) != nil {
                    return evidence.blocks[line].map { EvidenceTitle.heading($0, under: level) }
                }
                if language == CodeInclude.infoString, let include = evidence.includes[line] {
                    return IncludeView.html(include, highlights: highlights)
                }
                return highlights.html(language: language, code: literal)
            },
            inlineCode: { literal, line in
                try evidence.inline(literal, parsed.location(bodyLine: line))
            })
        let rendered = try renderer.render(parsed.document)
        let page = PublishedPage(
            essay: parsed.source, content: rendered.html,
            toc: try TableOfContents.html(rendered.headings, templates: templates), measured: evidence.lastMeasured)
        return (page, try templates.render("essay", context.essay(page)))
    }
}

/// What the evidence stage hands the renderer for one essay.
package struct EssayEvidenceHTML {
    /// The HTML of each directive block, by the body line of its opening fence.
    var blocks: [Int: String] = [:]
    /// The essay's `include` blocks, by the body line of their opening fence.
    var includes: [Int: CodeInclude] = [:]
    /// Directive ids, which are anchors on the page that heading ids must not take.
    var anchors: Set<String> = []
    /// When the newest of the essay's stored evidence was measured.
    var lastMeasured: Date?
    /// Resolves an inline code span: HTML for an inline reference (`=id.variant.stat`), nil for plain code.
    var inline: (String, SourceLocation) throws -> String? = { _, _ in nil }
}
