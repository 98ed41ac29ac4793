import EvidentCore
import EvidentEvidence

/// The evidence block of a `bench` on the page: the `partials/evidence` template (which a site may override) fed
/// a view model of the stored record — the table, a chart per metric (a scaling chart per metric when a numeric
/// parameter has three or more values), the claims with their verdicts, the
/// measurement notes folded away, links to the raw data and one line on where the numbers come from.
///
/// Every value the model holds as text is plain and escaped by the template; the keys ending in `_html`
/// (caption, charts) are HTML we generate with everything from the record or directive escaped.
enum EvidenceView {
    /// The partial that renders the block, a `<section class="evidence" id="<id>">`.
    static let partial = "partials/evidence"

    /// The view model the `evidence` partial receives.
    /// - Parameters:
    ///   - sources: the directive's parsed claims, in the order of `claims`, which say which metric and variants
    ///     each compares; without them, notes stay general and factors use the first metric's words.
    ///   - sourceFiles: the experiment files that ran, as published beside the page.
    ///   - revisions: how the claims differ from those registered with the evidence.
    static func context(
        bench: BenchDirective, record: EvidenceRecord, claims: [EvidenceClaim], sources: [Claim] = [], stale: Bool,
        currentEnvironment: MachineEnvironment?, captionInlineCode: MarkdownRenderer.InlineCodeHook? = nil,
        sourceFiles: [String] = [], revisions: ClaimRevisions? = nil
    ) throws -> TemplateValue {
        let notes =
            MeasurementNotes.notes(bench: bench, record: record, claims: sources, judged: claims)
            + IntervalNotes.notes(bench: bench, record: record)
        let general = notes.filter { $0.claim == nil && !$0.kind.standsOut }
        let alerts = notes.filter { $0.claim == nil && $0.kind.standsOut }
        let presentations = MetricPresentation.all(bench)
        var context: [String: TemplateValue] = [
            "id": .text(bench.id),
            "title": .text(bench.title),
            "table": EvidenceTable(bench: bench, record: record).context,
            "charts": .list(
                bench.metrics.flatMap { metric -> [TemplateValue] in
                    guard let evidence = record.evidence(for: metric) else { return [] }
                    let presentation = presentations[metric] ?? MetricPresentation(name: metric)
                    let scaling = ScalingChart.charts(bench: bench, presentation: presentation, evidence: evidence)
                    guard scaling.isEmpty else {
                        return scaling.map { ["html": .text($0.svg), "caption": .text($0.caption)] }
                    }
                    let chart = EvidenceChart(bench: bench, presentation: presentation, evidence: evidence)
                    return [["html": .text(chart.svg), "caption": .text(chart.caption)]]
                }),
            "claims": ClaimLines.context(
                claims, bench: bench, metrics: ClaimLines.metrics(sources, bench: bench), notes: notes, record: record,
                revisions: revisions),
            "removed_claims": ClaimLines.removed(revisions),
            "has_removed_claims": .bool(!(revisions?.removed.isEmpty ?? true)),
            "notes": .list(general.map { ["kind": .text($0.kind.rawValue), "text": .text($0.text)] }),
            "has_notes": .bool(!general.isEmpty),
            "notes_count": .integer(general.count),
            "alerts": .list(alerts.map { ["kind": .text($0.kind.rawValue), "text": .text($0.text)] }),
            "has_alerts": .bool(!alerts.isEmpty),
            "has_claims": .bool(!claims.isEmpty || !(revisions?.removed.isEmpty ?? true)),
            "json": "\(bench.id).json",
            "csv": "\(bench.id).csv",
            "method_url": .text(MethodPage.linkFromEssay),
            "samples": .text(Provenance.samplesLine(record.cells)),
            "provenance": Provenance(
                id: bench.id, record: record, currentEnvironment: currentEnvironment, stale: stale,
                sources: sourceFiles
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
