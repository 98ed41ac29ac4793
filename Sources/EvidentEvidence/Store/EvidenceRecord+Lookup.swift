extension EvidenceRecord {
    /// The cells and ratios of `metric`: the record's own for its first metric, else those under `more_metrics`.
    package func evidence(for metric: String) -> MetricEvidence? {
        if metric == self.metric { return MetricEvidence(metric: metric, cells: cells, ratios: ratios) }
        return moreMetrics.first { $0.metric == metric }
    }
}

extension MetricEvidence {
    /// The cell with this key.
    func cell(_ key: CellKey) -> EvidenceCell? {
        cells.first { $0.key == key }
    }

    /// The stored ratio against the baseline of the cell with this key.
    func storedRatio(_ key: CellKey) -> RatioEstimate? {
        ratios.first { $0.key == key }?.estimate
    }

    /// The summary of `variant` in the cell with exactly these parameter values.
    package func summary(_ variant: String, _ params: [String: String]) -> Summary? {
        cell(CellKey(variant: variant, params: CellParams(params)))?.summary
    }

    /// The ratio of `variant` to `baseline` in the cell: the stored one, or exactly 1 for the baseline itself.
    package func ratio(_ variant: String, _ params: [String: String], baseline: String) -> RatioEstimate? {
        if let stored = storedRatio(CellKey(variant: variant, params: CellParams(params))) { return stored }
        return variant == baseline && summary(variant, params) != nil ? RatioEstimate(ratio: 1, ci: 1...1) : nil
    }
}

extension BenchDirective {
    /// A cell as the page names it: only the parameters with more than one value (`n=100`), or empty.
    package func cellLabel(_ params: [String: String]) -> String {
        CellParams(params).label(order: paramNames(varying: true))
    }

    /// The parameter names with several values (`varying`) or a single one, in the order written.
    package func paramNames(varying: Bool) -> [String] {
        params.filter { ($0.values.count > 1) == varying }.map(\.name)
    }
}

extension EvidenceRecord {
    /// The first cell of the record's metric whose processes ran at two speeds (`TwoSpeeds`), with the speeds.
    package func twoSpeeds() -> (cell: EvidenceCell, speeds: TwoSpeeds)? {
        for cell in cells {
            if let speeds = TwoSpeeds(samples: cell.samples, rounds: cell.rounds) { return (cell, speeds) }
        }
        return nil
    }
}

extension EvidenceRecord {
    /// Why each cell of the record's metric is implausibly fast for the work `bench` declares (`Plausibility`).
    package func implausibleCells(_ bench: BenchDirective) -> [CellKey: String] {
        Plausibility.problems(cells, work: bench.work, metric: metric)
    }
}

extension Claim {
    /// Whether the claim compares, in one of its cells, a cell of `keys` (on the metric those cells are of).
    package func restsOn(_ keys: Set<CellKey>, metric: String) -> Bool {
        guard self.metric == metric else { return false }
        return cells.contains { params in
            [subject, reference].contains { keys.contains(CellKey(variant: $0, params: CellParams(params))) }
        }
    }
}
