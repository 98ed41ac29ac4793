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

    /// The drift between runs of the directive's medians, pooled over all its cells; nil without earlier runs.
    func medianDrift() -> RunDrift? {
        RunDrift(pooling: cells.map { [$0.summary.median] + $0.earlier })
    }

    /// The drift between runs of `variant`'s medians, pooled over its cells, borrowing from `pool` (the
    /// directive's) the degrees of freedom it lacks (`RunDrift.init(own:borrowingFrom:)`); nil without earlier runs.
    func medianDrift(of variant: String, borrowingFrom pool: RunDrift?) -> RunDrift? {
        RunDrift(
            own: cells.filter { $0.variant == variant }.map { [$0.summary.median] + $0.earlier }, borrowingFrom: pool)
    }

    /// The drift between runs of the directive's ratios against the baseline, pooled over all of them (each run's
    /// ratio, newest first; the baseline's own rows, always 1, are not series); nil without earlier runs.
    func ratioDrift() -> RunDrift? {
        RunDrift(pooling: ratios.filter { !$0.earlier.isEmpty }.map { [$0.estimate.ratio] + $0.earlier })
    }

    /// `estimate` (a ratio between two variants other than the baseline, which keeps no series of its own) widened
    /// by the drift of the directive's ratios between runs, when there is any.
    func widened(_ estimate: RatioEstimate) -> RatioEstimate {
        ratioDrift().map { estimate.widened(by: $0) } ?? estimate
    }

    /// The cells' and ratios' intervals widened by the drift between runs: each variant's cells by that variant's
    /// drift, each ratio by its own earlier values, both borrowing from the directive's pool until they have enough
    /// runs of their own (`RunDrift.init(own:borrowingFrom:)`); the baseline's own ratio stays exactly 1.
    func widenedByRunDrift(baseline: String) -> MetricEvidence {
        var evidence = self
        let pool = medianDrift()
        var drifts: [String: RunDrift?] = [:]
        for index in evidence.cells.indices {
            let variant = cells[index].variant
            if drifts[variant] == nil { drifts[variant] = medianDrift(of: variant, borrowingFrom: pool) }
            guard let drift = drifts[variant] ?? nil else { continue }
            evidence.cells[index].summary = cells[index].summary.widened(by: drift, earlier: cells[index].earlier)
        }
        let ratioPool = ratioDrift()
        for index in evidence.ratios.indices where ratios[index].variant != baseline {
            let earlier = ratios[index].earlier
            guard let drift = RunDrift(own: [[ratios[index].estimate.ratio] + earlier], borrowingFrom: ratioPool)
            else { continue }
            evidence.ratios[index].estimate = ratios[index].estimate.widened(by: drift, earlier: earlier)
        }
        return evidence
    }
}
