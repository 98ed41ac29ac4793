extension Claim {
    /// Judges the claim on its cells.
    ///
    /// For each cell in `cells`, the ratio of the medians A/B and its bootstrap CI come from the raw measurements
    /// `samples(variant, params, metric)`; a cell holds, is contradicted or is inconclusive as
    /// `Relation.verdict(for:)` says, and a cell whose samples are missing (nil) or whose ratio is undefined
    /// (B's median is 0) is inconclusive. The claim holds when every cell holds, is contradicted when any cell is,
    /// and is inconclusive otherwise (also when it covers no cell).
    func evaluate(
        samples: (_ variant: String, _ params: [String: String], _ metric: String) -> [Double]?
    ) -> ClaimResult {
        judged { variant, reference, params, metric in
            guard let a = samples(variant, params, metric), let b = samples(reference, params, metric) else {
                return nil
            }
            return RatioEstimate(a, over: b)
        }
    }

    /// Judges the claim on its cells with ratios from `ratio(variant, reference, params, metric)`, so that a caller
    /// holding ratios already estimated from the same samples (the stored ratios against the baseline) need not
    /// bootstrap them again.
    func judged(
        by ratio: (_ variant: String, _ reference: String, _ params: [String: String], _ metric: String) ->
            RatioEstimate?
    ) -> ClaimResult {
        let judged = cells.map { params -> (params: [String: String], ratio: RatioEstimate?, verdict: Verdict) in
            guard let ratio = ratio(subject, reference, params, metric) else { return (params, nil, .inconclusive) }
            return (params, ratio, relation.verdict(for: ratio.ci))
        }
        let verdict: Verdict
        if judged.contains(where: { $0.verdict == .contradicted }) {
            verdict = .contradicted
        } else if !judged.isEmpty, judged.allSatisfy({ $0.verdict == .holds }) {
            verdict = .holds
        } else {
            verdict = .inconclusive
        }
        let deciding = judged.filter { $0.verdict == verdict }.min { first, second in
            let margin = { (ratio: RatioEstimate?) in ratio.map { relation.margin(for: $0.ci) } ?? -.infinity }
            return margin(first.ratio) < margin(second.ratio)
        }
        return ClaimResult(verdict: verdict, params: deciding?.params, ratio: deciding?.ratio)
    }
}
