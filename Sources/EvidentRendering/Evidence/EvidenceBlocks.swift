import EvidentCore
import EvidentEvidence
import Foundation

/// The `render` of the evidence: each directive's block, from its record and re-judged claims, and each essay's
/// inline references. Blocks are independent of each other and render on every core.
package enum EvidenceBlocks {
    /// The evidence HTML of every essay that has directives, by slug.
    package static func html(_ evidence: EvidenceStage.Outcome, templates: TemplateSet) throws -> [String:
        EssayEvidenceHTML]
    {
        let judged = Dictionary(grouping: evidence.judged) { $0.entry.essay.slug }
        let references = { (essay: EssayDirectives) in
            InlineReferences(
                directives: essay, records: evidence.records[essay.slug] ?? [:], judged: judged[essay.slug] ?? [])
        }
        let blocks = try ParallelMap.map(evidence.judged) { directive in
            try EvidenceBlock(
                directive: directive, references: references(directive.entry.essay),
                environment: evidence.environment, templates: templates
            ).html()
        }
        var html: [String: EssayEvidenceHTML] = [:]
        for (directive, block) in zip(evidence.judged, blocks) {
            let essay = directive.entry.essay
            let slug = essay.slug
            var essayHTML = try html[slug] ?? EvidenceBlock.essayHTML(essay, references: references(essay))
            essayHTML.blocks[directive.entry.directive.bodyLine] = block
            let measured = directive.record.measuredAt
            essayHTML.lastMeasured = max(essayHTML.lastMeasured ?? measured, measured)
            html[slug] = essayHTML
        }
        return html
    }
}

/// The evidence block of one directive: the `evidence` or `probe` partial fed its record and judged claims.
struct EvidenceBlock {
    var directive: JudgedDirective
    /// The essay's records and judged claims, for inline references and claims in the caption.
    var references: InlineReferences
    var environment: MachineEnvironment?
    var templates: TemplateSet

    func html() throws -> String {
        let entry = directive.entry
        let stale = entry.action == .stale
        let location = entry.directive.location
        let caption: MarkdownRenderer.InlineCodeHook = { [references] literal, _ in
            try references.html(literal, at: location)
        }
        let sources = entry.directive.sources
        switch entry.directive.definition {
        case .bench(let bench):
            let context = try EvidenceView.context(
                bench: bench, record: directive.record, claims: directive.claims,
                sources: entry.directive.benchClaims, stale: stale, currentEnvironment: environment,
                captionInlineCode: caption, sourceFiles: sources, revisions: directive.revisions)
            return try templates.render(EvidenceView.partial, context)
        case .probe(let probe):
            let context = try ProbeView.context(
                probe: probe, record: directive.record, claims: directive.claims, stale: stale,
                currentEnvironment: environment, captionInlineCode: caption, sources: sources,
                revisions: directive.revisions)
            return try templates.render(ProbeView.partial, context)
        }
    }

    /// The essay's evidence HTML before any block is added: its includes, its anchors and its inline references.
    /// An include of a file whose directive's evidence is stale is refused: the page would show code other than
    /// what was measured.
    static func essayHTML(_ essay: EssayDirectives, references: InlineReferences) throws -> EssayEvidenceHTML {
        let stale = Set(references.judged.filter { $0.entry.action == .stale }.map(\.entry.directive.id))
        for include in essay.includes.values.sorted(by: { $0.location.line ?? 0 < $1.location.line ?? 0 }) {
            try include.checkMeasured(stale: stale)
        }
        return EssayEvidenceHTML(
            blocks: [:], includes: essay.includes, anchors: Set(essay.directives.map(\.id)),
            inline: { literal, location in try references.html(literal, at: location) })
    }
}

/// Inline references (`` `=id.variant.stat@k=v` ``) resolved against an essay's records, and inline claims
/// (`` `?id: a faster than b` ``) shown as the evidence stage judged them.
struct InlineReferences {
    var directives: EssayDirectives
    var records: [String: EvidenceRecord]
    /// The essay's judged directives, whose `inlineClaims` hold the verdict of every inline claim.
    var judged: [JudgedDirective]

    /// The HTML of a code span that is an inline reference or claim, nil for plain code.
    func html(_ literal: String, at location: SourceLocation) throws -> String? {
        if let inline = try InlineClaim.parse(literal, location: location) {
            // Every inline claim was parsed and judged with its directive (`EssayDirectives.collect`).
            guard let directive = judged.first(where: { $0.entry.directive.id == inline.id }),
                case .bench(let bench) = directive.entry.directive.definition,
                let index = directive.entry.directive.inlineClaims.firstIndex(where: { $0.text == inline.text })
            else { return nil }
            return InlineClaimView.html(
                directive.inlineClaims[index], claim: directive.entry.directive.inlineClaims[index], bench: bench)
        }
        guard let reference = try InlineReference.parse(literal, location: location) else { return nil }
        let target = try reference.validate(against: directives.directives.map(\.definition))
        guard let record = records[target.bench.id], let html = InlineReferenceView.html(target: target, record: record)
        else {
            let file = EvidenceStore(essayFolder: directives.folder).location(id: target.bench.id).file
            throw EvidentError(
                .input, at: location,
                "`\(literal)` cites a value the stored evidence of `\(target.bench.id)` lacks (\(file))",
                fix: "re-measure it with `evident build --refresh \(target.bench.id)`")
        }
        return html
    }
}
