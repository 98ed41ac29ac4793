import Foundation

extension EvidenceRecord {
    /// The record of one measurement of `bench`.
    ///
    /// For each metric, cells in the order variants × `bench.cells`, each with the `Summary` of its samples and the
    /// raw samples; ratios of every variant against the baseline in the same cell, the baseline's own row being
    /// exactly 1 with CI [1, 1]. The first metric goes in `cells` and `ratios`, the others in `moreMetrics`. A
    /// series that is missing or cannot be summarized leaves its cell (and its ratio) out; a ratio that is not
    /// defined (the baseline's median is 0) is left out. The claims are judged from the record's own samples, and
    /// `previous` keeps the replaced record's time and cells without their samples. When the replaced record
    /// measured the same code (the same key) on the same kind of machine, each cell keeps its earlier medians and
    /// the intervals are widened by the drift between runs (`RunDrift`).
    static func make(
        bench: BenchDirective, claims: [Claim], measurement: BenchMeasurement, key: String,
        environment: MachineEnvironment, previous: EvidenceRecord?
    ) -> EvidenceRecord {
        let sameRuns = previous.flatMap { $0.key == key && $0.environment.isSameKind(as: environment) ? $0 : nil }
        let metrics = bench.metrics.map { metric in
            MetricEvidence(
                bench: bench, metric: metric, series: measurement.series.filter { $0.metric == metric },
                earlier: sameRuns?.evidence(for: metric)
            ).widenedByRunDrift(baseline: bench.baseline)
        }
        var record = EvidenceRecord(
            id: bench.id, kind: .bench, key: key, measuredAt: wholeSeconds(measurement.startedAt),
            durationS: measurement.seconds, environment: environment, metric: bench.metric,
            baseline: bench.baseline, stoppedBy: measurement.stoppedBy, cells: metrics[0].cells,
            ratios: metrics[0].ratios, moreMetrics: Array(metrics.dropFirst()), claims: [], probe: nil,
            previous: previous.map(PreviousMeasurement.init))
        record.claims = record.evaluate(claims)
        return record
    }

    /// `date` to the whole second, as the file keeps it: a record reads back equal to the one written.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}

extension MetricEvidence {
    /// The cells and ratios of one metric of `bench` from its series; each cell keeps its medians in the runs of
    /// `earlier` (the replaced evidence of the same code on the same kind of machine).
    init(bench: BenchDirective, metric: String, series: [BenchMeasurement.Series], earlier: MetricEvidence?) {
        let find = { (variant: String, params: [String: String]) in
            series.first { $0.variant == variant && $0.params == params }
        }
        var cells: [EvidenceCell] = []
        var ratios: [EvidenceRatio] = []
        for variant in bench.variants.map(\.name) {
            for params in bench.cells {
                guard let taken = find(variant, params), let summary = Summary(of: taken.samples, rounds: taken.rounds)
                else { continue }
                let key = CellKey(variant: variant, params: CellParams(params))
                cells.append(
                    EvidenceCell(
                        key: key, summary: summary, samples: taken.samples, rounds: taken.rounds, pairs: taken.pairs,
                        earlier: earlier?.earlierMedians(of: key) ?? []))
                let estimate =
                    variant == bench.baseline
                    ? RatioEstimate(ratio: 1, ci: 1...1)
                    : find(bench.baseline, params).flatMap {
                        RatioEstimate(
                            taken.samples, rounds: taken.rounds, pairs: taken.pairs, over: $0.samples,
                            rounds: $0.rounds, pairs: $0.pairs)
                    }
                if let estimate {
                    ratios.append(
                        EvidenceRatio(
                            key: key, estimate: estimate,
                            earlier: variant == bench.baseline ? [] : earlier?.earlierRatios(of: key) ?? []))
                }
            }
        }
        self.init(metric: metric, cells: cells, ratios: ratios)
    }
}

extension PreviousMeasurement {
    /// What a refresh keeps of the record it replaces: its time, its cells without their samples, its machine and
    /// its claims.
    init(_ record: EvidenceRecord) {
        self.init(
            measuredAt: record.measuredAt,
            cells: record.cells.map { cell in
                EvidenceCell(key: cell.key, summary: cell.summary, samples: [])
            },
            environment: record.environment, claims: record.claims)
    }
}
