import EvidentCore
import EvidentEvidence

/// The evidence block of a `bench` on the page: the `partials/evidence` template (which a site may override) fed
/// a view model of the stored record — the table, a chart per metric, the claims with their verdicts, warnings,
/// links to the raw data and where the numbers come from.
///
/// Every value the model holds as text is plain and escaped by the template; the keys ending in `_html`
/// (caption, charts) are HTML we generate with everything from the record or directive escaped.
enum EvidenceView {
    /// The partial that renders the block, a `<section class="evidence" id="<id>">`.
    static let partial = "partials/evidence"

    /// The view model the `evidence` partial receives.
    static func context(
        bench: BenchDirective, record: EvidenceRecord, claims: [EvidenceClaim], stale: Bool,
        currentEnvironment: MachineEnvironment?, captionInlineCode: MarkdownRenderer.InlineCodeHook? = nil,
        sources: [String] = []
    ) throws -> TemplateValue {
        let warnings = EvidenceWarnings.lines(bench: bench, record: record)
        var context: [String: TemplateValue] = [
            "id": .text(bench.id),
            "title": .text(bench.title),
            "table": EvidenceTable(bench: bench, record: record).context,
            "charts": .list(
                bench.metrics.compactMap { metric in
                    record.evidence(for: metric).map {
                        ["html": .text(EvidenceChart(bench: bench, metric: metric, evidence: $0).svg)]
                    }
                }),
            "claims": ClaimLines.context(claims, bench: bench),
            "warnings": .texts(warnings),
            "has_warnings": .bool(!warnings.isEmpty),
            "has_claims": .bool(!claims.isEmpty),
            "json": "\(bench.id).json",
            "csv": "\(bench.id).csv",
            "samples": .text(Provenance.samplesLine(record.cells)),
            "provenance": Provenance(
                id: bench.id, record: record, currentEnvironment: currentEnvironment, stale: stale,
                sources: sources
            ).context,
        ]
        let change = Provenance.changeLine(record, variants: bench.variants.map(\.name))
        if !change.isEmpty, let previous = record.previous {
            context["change"] = ["since": .text(PublicationDate.day(previous.measuredAt)), "text": .text(change)]
        }
        if let caption = try CaptionHTML.render(bench.caption, inlineCode: captionInlineCode) {
            context["caption_html"] = .text(caption)
        }
        return .object(context)
    }
}
