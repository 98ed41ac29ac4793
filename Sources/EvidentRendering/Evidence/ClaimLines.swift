import EvidentCore
import EvidentEvidence
import Foundation

/// The claims of a directive for the `evidence` and `probe` partials: each with its verdict as a class (for
/// colour), a symbol and a word (so colour is not the only sign), its text, the numbers that decided it, the
/// measurement notes that bear on it, and `unstable` (`it was contradicted on 2026-11-30`) when `record`'s previous
/// measurement judged it otherwise.
enum ClaimLines {
    /// - Parameters:
    ///   - metrics: the metric each claim compares, in order, when known (its factor reads `faster` for times).
    ///   - notes: the notes of the block; those tied to a claim stand beside it.
    ///   - revisions: how the claims differ from those registered with the evidence; each revised or added one
    ///     says so (`revision`).
    static func context(
        _ claims: [EvidenceClaim], bench: BenchDirective?, metrics: [MetricPresentation?] = [],
        notes: [MeasurementNote] = [], record: EvidenceRecord? = nil, revisions: ClaimRevisions? = nil
    ) -> TemplateValue {
        .list(
            claims.enumerated().map { index, claim in
                let tied = notes.filter { $0.claim == index }
                var line: [String: TemplateValue] = [
                    "verdict": .text(claim.verdict.rawValue),
                    "symbol": .text(symbol(claim.verdict)),
                    "label": .text(label(claim.verdict)),
                    "text": .text(claim.text),
                    "has_notes": .bool(!tied.isEmpty),
                    "notes": .list(tied.map { ["kind": .text($0.kind.rawValue), "text": .text($0.text)] }),
                ]
                if let revisions, index < revisions.current.count, let revision = revisions.current[index] {
                    line["revision"] = .text(Self.revisionText(revision, registeredAt: revisions.registeredAt))
                }
                let metric = index < metrics.count ? metrics[index] : nil
                let numbers = numbers(claim, metric: metric, bench: bench)
                if !numbers.isEmpty { line["numbers"] = .text(numbers) }
                if let record, let old = record.previousVerdict(differingFrom: claim), let previous = record.previous {
                    let day = PublicationDate.day(previous.measuredAt)
                    line["unstable"] = .text("it \(pastTense(old)) on \(day)")
                }
                return .object(line)
            })
    }

    /// `69.9× faster [68.0–71.9] at n=100`, `same within ±2 % at n=100`, or empty when the claim stores no ratio.
    /// Without a metric, the words are those of the bench's first one (or of times).
    static func numbers(_ claim: EvidenceClaim, metric: MetricPresentation?, bench: BenchDirective?) -> String {
        guard let ratio = claim.ratio else { return "" }
        let presentation =
            metric ?? bench.map { MetricPresentation($0.metricDescriptions[0]) } ?? MetricPresentation(name: "wall_ns")
        var ci: ClosedRange<Double>?
        if let bounds = claim.ci, bounds.count == 2, bounds[0] <= bounds[1] { ci = bounds[0]...bounds[1] }
        let margin = Claim.withinMargin(of: claim.text) ?? Factor.sameMargin
        var text = Factor(ratio: ratio, ci: ci, words: presentation.factorWords, margin: margin).withInterval
        if let params = claim.params?.values {
            let cell = bench?.cellLabel(params) ?? CellParams(params).label(order: params.keys.sorted())
            if !cell.isEmpty { text += " at " + cell }
        }
        return text
    }

    /// The presentation of the metric each claim compares.
    static func metrics(_ claims: [Claim], bench: BenchDirective) -> [MetricPresentation?] {
        let presentations = MetricPresentation.all(bench)
        return claims.map { presentations[$0.metric] }
    }

    /// The registered claims the directive no longer has, each with its verdict then, for the partials'
    /// `removed_claims`.
    static func removed(_ revisions: ClaimRevisions?) -> TemplateValue {
        let day = revisions.map { PublicationDate.day($0.registeredAt) } ?? ""
        return .list(
            (revisions?.removed ?? []).map { claim in
                [
                    "text": .text(claim.text),
                    "then": .text("\(label(claim.verdict)) on \(day)"),
                ]
            })
    }

    /// `revised after measuring: was “…”, inconclusive on 2026-12-01`, or that the claim was added after it.
    private static func revisionText(_ revision: ClaimRevisions.Revision, registeredAt: Date) -> String {
        let day = PublicationDate.day(registeredAt)
        switch revision {
        case .added:
            return "added after measuring: not among the claims registered with the evidence of \(day)"
        case .revised(let was):
            return "revised after measuring: was “\(was.text)”, \(label(was.verdict)) on \(day)"
        }
    }

    private static func symbol(_ verdict: Verdict) -> String {
        switch verdict {
        case .holds: return "✓"
        case .contradicted: return "✗"
        case .inconclusive: return "?"
        }
    }

    /// `held`, `was contradicted`, `was inconclusive`.
    private static func pastTense(_ verdict: Verdict) -> String {
        verdict == .holds ? "held" : "was \(label(verdict))"
    }

    private static func label(_ verdict: Verdict) -> String {
        switch verdict {
        case .holds: return "holds"
        case .contradicted: return "contradicted"
        case .inconclusive: return "inconclusive"
        }
    }
}
