import EvidentEvidence

/// The table of a bench for the `evidence` partial: a group of rows per cell, headed by its parameters
/// (`n=100`) when there are several cells, one row per variant in the order written, and per metric the median
/// with its 95% CI and the factor against the baseline (`69.9× faster`), then the sample count. Every cell also carries
/// its column's heading, for the stacked layout of narrow screens. Values are plain text; the template escapes them.
struct EvidenceTable {
    var bench: BenchDirective
    var record: EvidenceRecord

    var context: TemplateValue {
        let presentations = MetricPresentation.all(bench)
        let several = bench.metrics.count > 1
        let columns = bench.metrics.map { metric in
            MetricColumn(
                presentation: presentations[metric] ?? MetricPresentation(name: metric), baseline: bench.baseline,
                evidence: record.evidence(for: metric), prefix: several)
        }
        let groups = bench.cells.map { cell -> TemplateValue in
            let rows = bench.variants.map(\.name).map { variant -> TemplateValue in
                let baseline = variant == bench.baseline
                return [
                    "variant": .text(variant),
                    "baseline": .bool(baseline),
                    "values": .list(columns.map { $0.values(variant: variant, cell: cell, baseline: baseline) }),
                    "samples": .text(Self.samples(columns.compactMap { $0.evidence?.summary(variant, cell)?.n })),
                ]
            }
            let label = bench.cellLabel(cell)
            return ["label": .text(label), "has_label": .bool(!label.isEmpty), "rows": .list(rows)]
        }
        return [
            "caption": .text(caption),
            "columns": .integer(2 + 2 * columns.count),
            "several_metrics": .bool(several),
            "metrics": .list(columns.map(\.header)),
            "groups": .list(groups),
        ]
    }

    /// A row's sample count, once for every metric that has it: `15`, or `15 / 12` when metrics differ.
    private static func samples(_ counts: [Int]) -> String {
        var distinct: [Int] = []
        for count in counts where !distinct.contains(count) { distinct.append(count) }
        return distinct.isEmpty ? "–" : distinct.map(String.init).joined(separator: " / ")
    }

    /// What the caption says about reading the table, with the parameters every cell shares.
    private var caption: String {
        var text =
            "Median with its 95 % interval (where a rerun's median is expected) and how each variant compares with "
            + bench.baseline
        let fixed = bench.params.filter { $0.values.count == 1 }.map { "\($0.name)=\($0.values[0])" }
        if !fixed.isEmpty { text += "; every cell has " + fixed.joined(separator: ", ") }
        return text + "."
    }
}

/// The columns of one metric: their headings and the unit their numbers share, if one reads well for all.
private struct MetricColumn {
    var presentation: MetricPresentation
    var baseline: String
    var evidence: MetricEvidence?
    var unit: MetricScale.Unit?
    /// Whether the stacked layout's labels name the metric (the table has several).
    var prefix: Bool

    init(presentation: MetricPresentation, baseline: String, evidence: MetricEvidence?, prefix: Bool) {
        self.presentation = presentation
        self.baseline = baseline
        self.evidence = evidence
        self.prefix = prefix
        unit = Self.sharedUnit(evidence?.cells.map(\.summary.median) ?? [], scale: presentation.scale)
    }

    /// The unit of the smallest median, unless the largest would then need five digits or more (then each value
    /// carries its own unit).
    static func sharedUnit(_ medians: [Double], scale: MetricScale) -> MetricScale.Unit? {
        guard let smallest = medians.map(abs).min(), let largest = medians.map(abs).max(),
            let unit = scale.unit(for: smallest), SignificantDigits.round(largest / unit.size) < 10_000
        else { return nil }
        return unit
    }

    /// `ms`, `ops/s`, or nothing, for the median's heading.
    private var unitText: String? {
        unit?.symbol ?? presentation.scale.suffix
    }

    /// The median's heading under the metric's own (`median, ms`), or on its own (`wall time, ms`).
    private func medianHeading(alone: Bool) -> String {
        (alone ? presentation.label : "median") + (unitText.map { ", \($0)" } ?? "")
    }

    var header: TemplateValue {
        [
            "label": .text(presentation.label), "median": .text(medianHeading(alone: !prefix)),
            "factor": .text("vs \(baseline)"),
        ]
    }

    func values(variant: String, cell: [String: String], baseline isBaseline: Bool) -> TemplateValue {
        let lead = prefix ? presentation.label + ": " : ""
        guard let summary = evidence?.summary(variant, cell) else {
            return ["measured": false, "label_median": .text(medianHeading(alone: true))]
        }
        var values: [String: TemplateValue] = [
            "measured": true,
            "median": .text(text(summary.median)),
            "ci": .text(interval(summary.ci)),
            "is_baseline": .bool(isBaseline),
            "label_median": .text(medianHeading(alone: true)),
            "label_factor": .text(lead + "vs \(baseline)"),
        ]
        if !isBaseline, let ratio = evidence?.ratio(variant, cell, baseline: baseline) {
            let factor = Factor(ratio: ratio.ratio, ci: ratio.ci, words: presentation.factorWords)
            values["factor"] = .text(factor.text)
            if let interval = factor.interval { values["factor_ci"] = .text(interval) }
        }
        return .object(values)
    }

    /// Whether each number carries its own unit: the metric has units but the column shares none.
    private var ownUnits: Bool { unit == nil && presentation.scale.hasUnits }

    /// A number in the shared unit, or with its own unit.
    private func text(_ value: Double) -> String {
        ownUnits ? MetricFormat.value(value, scale: presentation.scale) : MetricFormat.number(value, in: unit)
    }

    /// A CI in the shared unit, or in the unit of its lower end.
    private func interval(_ ci: ClosedRange<Double>) -> String {
        ownUnits
            ? MetricFormat.interval(ci, scale: presentation.scale)
            : "[\(MetricFormat.number(ci.lowerBound, in: unit))–\(MetricFormat.number(ci.upperBound, in: unit))]"
    }
}
