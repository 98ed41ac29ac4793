extension EvidenceRecord {
    /// Judges bench claims from this record's stored samples alone: the cells of the claim's metric (`cells` for
    /// the record's metric, else the matching `moreMetrics`). A cell without samples makes its claim inconclusive.
    public func evaluate(_ claims: [Claim]) -> [EvidenceClaim] {
        claims.map { claim in
            let cells = claim.metric == metric ? cells : moreMetrics.first { $0.metric == claim.metric }?.cells ?? []
            let result = claim.evaluate { variant, params, _ in
                let cell = cells.first { $0.variant == variant && $0.params.values == params }
                return cell.flatMap { $0.samples.isEmpty ? nil : $0.samples }
            }
            return EvidenceClaim(
                text: claim.text, verdict: result.verdict, ratio: result.ratio?.ratio,
                ci: result.ratio.map { [$0.ci.lowerBound, $0.ci.upperBound] },
                params: result.params.map(CellParams.init))
        }
    }

    /// Judges probe claims from this record's works / fails matrix.
    public func evaluate(_ claims: [ProbeClaim]) -> [EvidenceClaim] {
        claims.map { claim in
            let verdict = claim.evaluate { tool, snippet in
                probe?.first { $0.tool == tool && $0.snippet == snippet }?.works
            }
            return EvidenceClaim(text: claim.text, verdict: verdict)
        }
    }
}
