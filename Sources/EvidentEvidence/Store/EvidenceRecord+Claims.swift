extension EvidenceRecord {
    /// Judges bench claims from this record's stored evidence alone: the cells of the claim's metric (`cells` for
    /// the record's metric, else the matching `moreMetrics`). A ratio against the baseline is the stored one, which
    /// the same bootstrap made from the same samples, and the baseline against a variant is its reciprocal, so a
    /// claim reads the interval its table shows, widened by that ratio's own runs; any other ratio is estimated from
    /// the stored samples and widened by the drift of the directive's ratios over the runs the cells keep
    /// (`MetricEvidence.widened`). A cell without samples makes its claim inconclusive.
    func evaluate(_ claims: [Claim]) -> [EvidenceClaim] {
        claims.map { claim in
            let evidence =
                claim.metric == metric
                ? MetricEvidence(metric: metric, cells: cells, ratios: ratios)
                : moreMetrics.first { $0.metric == claim.metric }
                    ?? MetricEvidence(metric: claim.metric, cells: [], ratios: [])
            let result = claim.judged { variant, reference, params, _ in
                let key = { (name: String) in CellKey(variant: name, params: CellParams(params)) }
                guard let a = evidence.cell(key(variant)), let b = evidence.cell(key(reference)),
                    !a.samples.isEmpty, !b.samples.isEmpty
                else { return nil }
                if reference == baseline, let stored = evidence.storedRatio(a.key) { return stored }
                if variant == baseline, let stored = evidence.storedRatio(b.key) { return stored.reciprocal }
                return RatioEstimate(
                    a.samples, rounds: a.rounds, pairs: a.pairs, over: b.samples, rounds: b.rounds, pairs: b.pairs
                ).map {
                    evidence.widened($0)
                }
            }
            return EvidenceClaim(
                text: claim.text, verdict: result.verdict, ratio: result.ratio?.ratio,
                ci: result.ratio.map { [$0.ci.lowerBound, $0.ci.upperBound] },
                params: result.params.map(CellParams.init))
        }
    }

    /// Judges probe claims from this record's works / fails matrix.
    func evaluate(_ claims: [ProbeClaim]) -> [EvidenceClaim] {
        claims.map { claim in
            let verdict = claim.evaluate { tool, snippet in
                probe?.first { $0.tool == tool && $0.snippet == snippet }?.works
            }
            return EvidenceClaim(text: claim.text, verdict: verdict)
        }
    }
}
