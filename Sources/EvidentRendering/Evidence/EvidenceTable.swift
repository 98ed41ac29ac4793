import EvidentEvidence

/// The table of a bench for the `evidence` partial: one row per cell × variant (cells in order, variants in the
/// order written), the varying parameters as columns, then per metric the median with its 95% CI, n, and the
/// ratio to the baseline with its CI. Values are plain text; the template escapes them.
struct EvidenceTable {
    var bench: BenchDirective
    var record: EvidenceRecord

    var context: TemplateValue {
        let varying = bench.paramNames(varying: true)
        let columns = bench.metrics.map { metric in column(metric) }
        var rows: [TemplateValue] = []
        for cell in bench.cells {
            for variant in bench.variants.map(\.name) {
                let baseline = variant == bench.baseline
                rows.append([
                    "variant": .text(variant),
                    "baseline": .bool(baseline),
                    "params": .texts(varying.map { cell[$0] ?? "" }),
                    "values": .list(columns.map { $0.values(variant: variant, cell: cell, baseline: baseline) }),
                ])
            }
        }
        return [
            "caption": .text(caption),
            "param_headers": .texts(varying),
            "param_count": .integer(varying.count + 1),
            "metrics": .list(columns.map(\.header)),
            "rows": .list(rows),
        ]
    }

    /// What the caption says about reading the table, with the parameters every cell shares.
    private var caption: String {
        var text = "Median with its 95 % confidence interval, samples (n) and ratio to \(bench.baseline)"
        let fixed = bench.params.filter { $0.values.count == 1 }.map { "\($0.name)=\($0.values[0])" }
        if !fixed.isEmpty { text += "; every cell has " + fixed.joined(separator: ", ") }
        return text + "."
    }

    private func column(_ metric: String) -> MetricColumn {
        let evidence = record.evidence(for: metric)
        let medians = evidence?.cells.map(\.summary.median) ?? []
        return MetricColumn(
            metric: metric, baseline: bench.baseline, evidence: evidence,
            unit: MetricColumn.sharedUnit(medians, metric: metric))
    }
}

/// The columns of one metric: their headers and the unit their numbers share, if one reads well for all.
private struct MetricColumn {
    var metric: String
    var baseline: String
    var evidence: MetricEvidence?
    var unit: MetricScale.Unit?

    /// The unit of the smallest median, unless the largest would then need five digits or more (then each value
    /// carries its own unit).
    static func sharedUnit(_ medians: [Double], metric: String) -> MetricScale.Unit? {
        let scale = MetricScale(metric: metric)
        guard let smallest = medians.map(abs).min(), let largest = medians.map(abs).max(),
            let unit = scale.unit(for: smallest), SignificantDigits.round(largest / unit.size) < 10_000
        else { return nil }
        return unit
    }

    var header: TemplateValue {
        let unit = unit.map { ", \($0.symbol)" } ?? ""
        return ["name": .text(metric), "median": "median\(unit)", "ratio": "ratio to \(baseline)"]
    }

    func values(variant: String, cell: [String: String], baseline isBaseline: Bool) -> TemplateValue {
        guard let summary = evidence?.summary(variant, cell) else { return ["measured": false] }
        var values: [String: TemplateValue] = [
            "measured": true,
            "median": .text(text(summary.median)),
            "ci": .text(interval(summary.ci)),
            "n": .text(String(summary.n)),
            "is_baseline": .bool(isBaseline),
        ]
        if !isBaseline, let ratio = evidence?.ratio(variant, cell, baseline: baseline) {
            values["ratio"] = .text(MetricFormat.ratio(ratio.ratio))
            values["ratio_ci"] = .text(MetricFormat.ratioInterval(ratio.ci))
        }
        return .object(values)
    }

    /// Whether each number carries its own unit: the metric has units but the column shares none.
    private var ownUnits: Bool { unit == nil && MetricScale(metric: metric).hasUnits }

    /// A number in the shared unit, or with its own unit.
    private func text(_ value: Double) -> String {
        ownUnits ? MetricFormat.value(value, metric: metric) : MetricFormat.number(value, in: unit)
    }

    /// A CI in the shared unit, or in the unit of its lower end.
    private func interval(_ ci: ClosedRange<Double>) -> String {
        ownUnits
            ? MetricFormat.interval(ci, metric: metric)
            : "[\(MetricFormat.number(ci.lowerBound, in: unit))–\(MetricFormat.number(ci.upperBound, in: unit))]"
    }
}
