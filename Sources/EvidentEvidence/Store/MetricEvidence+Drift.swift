extension MetricEvidence {
    /// The medians of the cell `key` in the runs before this one: the replaced evidence's median of the same cell,
    /// then its earlier ones, at most `RunDrift.runsKept`; empty when that evidence has no such cell.
    func earlierMedians(of key: CellKey) -> [Double] {
        guard let old = cell(key) else { return [] }
        return Array(([old.summary.median] + old.earlier).prefix(RunDrift.runsKept))
    }

    /// The drift between runs of `variant`'s medians, pooled over its cells; nil without earlier runs.
    func medianDrift(of variant: String) -> RunDrift? {
        RunDrift(pooling: cells.filter { $0.variant == variant }.map { [$0.summary.median] + $0.earlier })
    }

    /// The drift between runs of the ratio `variant` / `reference`, pooled over the cells where both ran: each
    /// run's ratio of their medians, the earlier runs aligned newest first (a cell missing from a run ends its
    /// series there, so the runs both series reach are the same); nil without earlier runs.
    func ratioDrift(of variant: String, over reference: String) -> RunDrift? {
        let series = cells.filter { $0.variant == variant }.compactMap { cell -> [Double]? in
            guard let base = self.cell(CellKey(variant: reference, params: cell.params)) else { return nil }
            return zip([cell.summary.median] + cell.earlier, [base.summary.median] + base.earlier).map { $0 / $1 }
        }
        return RunDrift(pooling: series)
    }

    /// `estimate` of `variant` / `reference` widened by the drift of that ratio between runs, when there is any.
    func widened(_ estimate: RatioEstimate, of variant: String, over reference: String) -> RatioEstimate {
        ratioDrift(of: variant, over: reference).map(estimate.widened(by:)) ?? estimate
    }

    /// The cells' and ratios' intervals widened by the drift between runs, for each variant that has earlier runs;
    /// each variant's drifts are pooled once, for all its cells and ratios.
    func widenedByRunDrift(baseline: String) -> MetricEvidence {
        var evidence = self
        var medianDrifts: [String: RunDrift?] = [:]
        var ratioDrifts: [String: RunDrift?] = [:]
        for variant in Set(cells.map(\.variant)) {
            medianDrifts[variant] = medianDrift(of: variant)
            ratioDrifts[variant] = variant == baseline ? nil : ratioDrift(of: variant, over: baseline)
        }
        for index in evidence.cells.indices {
            guard let drift = medianDrifts[cells[index].variant] ?? nil else { continue }
            evidence.cells[index].summary = cells[index].summary.widened(by: drift)
        }
        for index in evidence.ratios.indices {
            guard let drift = ratioDrifts[ratios[index].variant] ?? nil else { continue }
            evidence.ratios[index].estimate = ratios[index].estimate.widened(by: drift)
        }
        return evidence
    }
}
