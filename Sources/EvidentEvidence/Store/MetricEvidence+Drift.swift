extension MetricEvidence {
    /// The medians of the cell `key` in the runs before this one: the replaced evidence's median of the same cell,
    /// then its earlier ones, at most `RunDrift.runsKept`; empty when that evidence has no such cell.
    func earlierMedians(of key: CellKey) -> [Double] {
        guard let old = cell(key) else { return [] }
        return Array(([old.summary.median] + old.earlier).prefix(RunDrift.runsKept))
    }

    /// The ratios of the cell `key` in the runs before this one, as `earlierMedians(of:)`.
    func earlierRatios(of key: CellKey) -> [Double] {
        guard let old = ratios.first(where: { $0.key == key }) else { return [] }
        return Array(([old.estimate.ratio] + old.earlier).prefix(RunDrift.runsKept))
    }

    /// The drift between runs of the directive's medians, pooled over all its cells: the machine's speed moves
    /// every variant alike, and a pool of many series keeps the prediction interval from the extreme quantiles of
    /// Student's t at one or two degrees of freedom; nil without earlier runs.
    func medianDrift() -> RunDrift? {
        RunDrift(pooling: cells.map { [$0.summary.median] + $0.earlier })
    }

    /// The drift between runs of the directive's ratios against the baseline, pooled over all of them (each run's
    /// ratio, newest first; the baseline's own rows, always 1, are not series); nil without earlier runs.
    func ratioDrift() -> RunDrift? {
        RunDrift(pooling: ratios.filter { !$0.earlier.isEmpty }.map { [$0.estimate.ratio] + $0.earlier })
    }

    /// `estimate` (a ratio between two variants) widened by the drift of the directive's ratios between runs, when
    /// there is any.
    func widened(_ estimate: RatioEstimate) -> RatioEstimate {
        ratioDrift().map(estimate.widened(by:)) ?? estimate
    }

    /// The cells' and ratios' intervals widened by the drift between runs, pooled once for the directive; the
    /// baseline's own ratio stays exactly 1.
    func widenedByRunDrift(baseline: String) -> MetricEvidence {
        var evidence = self
        if let drift = medianDrift() {
            for index in evidence.cells.indices {
                evidence.cells[index].summary = cells[index].summary.widened(by: drift)
            }
        }
        if let drift = ratioDrift() {
            for index in evidence.ratios.indices where ratios[index].variant != baseline {
                evidence.ratios[index].estimate = ratios[index].estimate.widened(by: drift)
            }
        }
        return evidence
    }
}
