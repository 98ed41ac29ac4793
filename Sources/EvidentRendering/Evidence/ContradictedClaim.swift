import EvidentCore
import EvidentEvidence

/// A claim its evidence contradicts, as the build and `check` report it: where the claim is written, what it says,
/// and the numbers that decided it.
package struct ContradictedClaim: Sendable, Equatable, CustomStringConvertible {
    /// The claim's own line in the essay (`content/<slug>/index.md:LINE`).
    package var location: SourceLocation
    /// The claim as the author wrote it.
    package var text: String
    /// The directive's id.
    package var directive: String
    /// What decided it: `2.01× slower [1.98–2.04] at n=100`, or a probe's `python fails: SyntaxError: ...`.
    package var evidence: String

    /// `content/x/index.md:21: claim "long within 5% of short" (sleeps) is contradicted: 2.01× slower [1.98–2.04]`.
    package var description: String {
        "\(location): claim \"\(text)\" (\(directive)) is contradicted: \(evidence)"
    }
}

extension ContradictedClaim {
    /// Every contradicted claim of the judged directives, in essay and document order.
    package static func all(in evidence: EvidenceStage.Outcome) -> [ContradictedClaim] {
        evidence.judged.flatMap { judged in
            let directive = judged.entry.directive
            switch directive.definition {
            case .bench(let bench):
                return Self.bench(
                    directive.benchClaims + directive.inlineClaims, judged: judged.claims + judged.inlineClaims,
                    of: bench)
            case .probe: return Self.probe(directive.probeClaims, judged: judged.claims, record: judged.record)
            }
        }
    }

    /// The contradicted ones among the judged claims of a bench directive.
    static func bench(_ claims: [Claim], judged: [EvidenceClaim], of bench: BenchDirective) -> [ContradictedClaim] {
        let metrics = MetricPresentation.all(bench)
        return zip(claims, judged).filter { $1.verdict == .contradicted }.map { claim, result in
            let numbers = ClaimLines.numbers(result, metric: metrics[claim.metric], bench: bench)
            return ContradictedClaim(
                location: claim.location, text: claim.text, directive: bench.id,
                evidence: numbers.isEmpty ? "no interval was stored" : numbers)
        }
    }

    /// The contradicted ones among the judged claims of a probe, with what the tool did on the snippet.
    static func probe(_ claims: [ProbeClaim], judged: [EvidenceClaim], record: EvidenceRecord) -> [ContradictedClaim] {
        zip(claims, judged).filter { $1.verdict == .contradicted }.map { claim, _ in
            let result = record.probe?.first { $0.tool == claim.tool && $0.snippet == claim.snippet }
            var evidence = "\(claim.tool) \(result?.works == true ? "works" : "fails") on \(claim.snippet)"
            if let error = result?.firstError, !error.isEmpty { evidence += ": \(error)" }
            return ContradictedClaim(
                location: claim.location, text: claim.text, directive: record.id, evidence: evidence)
        }
    }
}
