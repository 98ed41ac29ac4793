import EvidentCore
import EvidentEvidence

/// An inline claim (`` `?await-loop: gather faster than threads at n=100` ``) in the prose: its sentence, then its
/// verdict as a symbol and a word (so that colour is not the only sign) and the numbers that decided it,
/// `gather faster than threads at n=100 (✓ holds: 1.52× faster [1.21–1.90])`.
enum InlineClaimView {
    static func html(_ judged: EvidenceClaim, claim: Claim, bench: BenchDirective) -> String {
        let metric = MetricPresentation.all(bench)[claim.metric]
        let numbers = ClaimLines.numbers(judged, metric: metric, bench: bench)
        let symbol = ["holds": "✓", "contradicted": "✗", "inconclusive": "?"][judged.verdict.rawValue] ?? ""
        let detail = "\(judged.verdict.rawValue)\(numbers.isEmpty ? "" : ": \(numbers)")"
        return #"<span class="inline-claim \#(judged.verdict.rawValue)">\#(Escape.html(claim.text)) "#
            + #"<span class="claim-numbers">(<span aria-hidden="true">\#(symbol) </span>\#(Escape.html(detail)))"#
            + "</span></span>"
    }
}
