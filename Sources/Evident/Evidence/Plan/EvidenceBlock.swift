import Foundation

/// The `render` of one directive: its claims re-evaluated from the stored samples, and its evidence block.
struct EvidenceBlock {
    var entry: EvidencePlan.Entry
    var record: EvidenceRecord
    /// Every record of the essay by id, for inline references in captions and prose.
    var essayRecords: [String: EvidenceRecord]
    var environment: MachineEnvironment
    var templates: TemplateSet

    func html() throws -> (html: String, verdicts: [Verdict], contradicted: [ContradictedClaim]) {
        let stale = entry.action == .stale
        let location = entry.directive.directive.location
        let caption: MarkdownRenderer.InlineCodeHook = { literal, _ in
            try InlineReferences(directives: entry.essay, records: essayRecords).html(literal, at: location)
        }
        switch entry.directive.directive {
        case .bench(let bench):
            let claims = record.evaluate(entry.directive.benchClaims)
            let html = try EvidenceView.html(
                bench: bench, record: record, claims: claims, stale: stale, currentEnvironment: environment,
                templates: templates, captionInlineCode: caption)
            let contradicted = ContradictedClaim.bench(entry.directive.benchClaims, judged: claims, of: bench)
            return (html, claims.map(\.verdict), contradicted)
        case .probe(let probe):
            let claims = record.evaluate(entry.directive.probeClaims)
            let html = try ProbeView.html(
                probe: probe, record: record, claims: claims, stale: stale, currentEnvironment: environment,
                templates: templates, captionInlineCode: caption)
            let contradicted = ContradictedClaim.probe(entry.directive.probeClaims, judged: claims, record: record)
            return (html, claims.map(\.verdict), contradicted)
        }
    }

    /// The essay's evidence HTML before any block is added: its anchors and its inline references.
    func essayHTML(_ essay: EssayDirectives) -> EssayEvidenceHTML {
        let references = InlineReferences(directives: essay, records: essayRecords)
        return EssayEvidenceHTML(
            blocks: [:], anchors: Set(essay.directives.map(\.directive.id)),
            inline: { literal, location in try references.html(literal, at: location) })
    }
}

/// Inline references (`` `=id.variant.stat@k=v` ``) resolved against an essay's records.
struct InlineReferences {
    var directives: EssayDirectives
    var records: [String: EvidenceRecord]

    /// The HTML of a code span that is an inline reference, nil for plain code.
    func html(_ literal: String, at location: SourceLocation) throws -> String? {
        guard let reference = try InlineReference.parse(literal, location: location) else { return nil }
        let target = try reference.validate(against: directives.directives.map(\.directive))
        guard let record = records[target.bench.id], let html = InlineReferenceView.html(target: target, record: record)
        else {
            let file = EvidenceStore(essayFolder: directives.essay.essay.folder).location(id: target.bench.id).file
            throw EvidentError(
                .input, at: location,
                "`\(literal)` cites a value the stored evidence of `\(target.bench.id)` lacks (\(file))",
                fix: "re-measure it with `evident build --refresh \(target.bench.id)`")
        }
        return html
    }
}
