import EvidentCore
import EvidentEvidence

/// The claims of a directive for the `evidence` and `probe` partials: each with its verdict as a class (for
/// colour), a symbol and a word (so colour is not the only sign), its text and the numbers that decided it, and
/// `unstable` (`it was contradicted on 2026-11-30`) when `record`'s previous measurement judged it otherwise.
enum ClaimLines {
    static func context(_ claims: [EvidenceClaim], bench: BenchDirective?, record: EvidenceRecord? = nil)
        -> TemplateValue
    {
        .list(
            claims.map { claim in
                var line: [String: TemplateValue] = [
                    "verdict": .text(claim.verdict.rawValue),
                    "symbol": .text(symbol(claim.verdict)),
                    "label": .text(label(claim.verdict)),
                    "text": .text(claim.text),
                ]
                let numbers = numbers(claim, bench: bench)
                if !numbers.isEmpty { line["numbers"] = .text(numbers) }
                if let record, let old = record.previousVerdict(differingFrom: claim), let previous = record.previous {
                    let day = PublicationDate.day(previous.measuredAt)
                    line["unstable"] = .text("it \(pastTense(old)) on \(day)")
                }
                return .object(line)
            })
    }

    /// `ratio 1.03× [1.01–1.05] at n=100`, or empty when the claim stores no ratio.
    static func numbers(_ claim: EvidenceClaim, bench: BenchDirective?) -> String {
        guard let ratio = claim.ratio else { return "" }
        var text = "ratio " + MetricFormat.ratio(ratio)
        if let ci = claim.ci, ci.count == 2, ci[0] <= ci[1] {
            text += " " + MetricFormat.ratioInterval(ci[0]...ci[1])
        }
        if let params = claim.params?.values {
            let cell = bench?.cellLabel(params) ?? CellParams(params).label(order: params.keys.sorted())
            if !cell.isEmpty { text += " at " + cell }
        }
        return text
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
