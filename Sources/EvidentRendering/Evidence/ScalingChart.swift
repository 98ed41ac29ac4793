import EvidentCore
import EvidentEvidence
import Foundation

/// The chart of a metric against a numeric parameter with three or more values (`n: [1000, 10000, 100000]`): one
/// line per variant through its medians, with its 95 % interval as a band, each variant with its own colour and
/// marker shape and named in a legend, so that no variant is told from another by colour alone. An axis is
/// logarithmic, with a tick per decade, where its values span a decade or more.
///
/// Like `EvidenceChart` it is drawn for the width it gets: horizontal positions are percentages, heights and text
/// are CSS pixels, and the lines and bands live in a nested plot that stretches to its box with strokes that keep
/// their width. Colours are presentation attributes (the site's CSS gives the dark ones). Every name is escaped.
struct ScalingChart {
    var bench: BenchDirective
    var presentation: MetricPresentation
    var evidence: MetricEvidence
    /// The parameter along the horizontal axis.
    var axis: ScalingAxis
    /// The other varying parameters, held at these values.
    var fixed: [String: String]

    private static let legendRow = 20.0

    /// The scaling charts of one metric: none when no parameter scales, else one per combination of the other
    /// varying parameters.
    static func charts(bench: BenchDirective, presentation: MetricPresentation, evidence: MetricEvidence)
        -> [ScalingChart]
    {
        guard let axis = ScalingAxis(bench) else { return [] }
        let others = bench.params.filter { $0.name != axis.name && $0.values.count > 1 }
        let combinations = others.reduce([[String: String]()]) { cells, param in
            cells.flatMap { cell in param.values.map { cell.merging([param.name: $0]) { $1 } } }
        }
        return combinations.map {
            ScalingChart(bench: bench, presentation: presentation, evidence: evidence, axis: axis, fixed: $0)
        }
    }

    /// What the figure's caption says: `wall time against n at latency_ms=5: median and 95 % interval band of each
    /// variant; lower is better`.
    var caption: String {
        let better = presentation.better.map { "; \($0.rawValue) is better" } ?? ""
        return "\(presentation.label) against \(axis.name)\(at): median and 95 % interval band of each variant\(better)"
    }

    private var at: String {
        let label = bench.cellLabel(fixed)
        return label.isEmpty ? "" : " at \(label)"
    }

    /// One variant's measured points, in the order of the axis's values.
    private struct Series {
        var index: Int
        var variant: String
        var points: [(x: Double, value: String, summary: Summary)]
    }

    private var series: [Series] {
        bench.variants.enumerated().map { index, variant in
            let points = zip(axis.numbers, axis.values).compactMap { number, value in
                let cell = bench.cells.first { cell in
                    cell[axis.name] == value && fixed.allSatisfy { cell[$0.key] == $0.value }
                }
                return cell.flatMap { evidence.summary(variant.name, $0) }.map { (number, value, $0) }
            }
            return Series(index: index, variant: variant.name, points: points)
        }.filter { !$0.points.isEmpty }
    }

    var svg: String {
        let series = series
        let values = ChartScale(
            spanning: series.flatMap { $0.points.flatMap { [$0.summary.ci.lowerBound, $0.summary.ci.upperBound] } },
            decadeTicks: 8)
        let top = Double(series.count) * Self.legendRow + 12
        let plot = ScalingPlot(x: axis.scale, y: values, top: top)
        var body = series.map { legend($0, y: Double($0.index) * Self.legendRow + 4) }
        body.append(plot.valueAxis(metric: presentation.scale))
        body.append(plot.parameterAxis(axis))
        body.append(plot.nested(series.map { (index: $0.index, points: $0.points.map { ($0.x, $0.summary) }) }))
        body += series.map(markers(plot))
        let height = top + ScalingPlot.height + 46
        return [
            #"<svg class="chart scaling" xmlns="http://www.w3.org/2000/svg" width="100%" height="\#(EvidenceChart.number(height))" "#,
            #"role="img" aria-label="\#(Escape.html(label(values)))" data-scale="\#(values.logarithmic ? "log" : "linear")" "#,
            #"data-parameter-scale="\#(axis.scale.logarithmic ? "log" : "linear")" "#,
            #"font-family="system-ui, sans-serif" font-size="12" fill="\#(ChartColors.ink)">"#,
        ].joined() + body.joined() + "</svg>"
    }

    /// What the chart shows, for a screen reader.
    private func label(_ values: ChartScale) -> String {
        let variants = bench.variants.map(\.name).joined(separator: ", ")
        let range = "\(axis.values.first ?? "") to \(axis.values.last ?? "")"
        return "\(bench.title): median \(presentation.label) against \(axis.name)\(at) (\(range), "
            + "\(axis.scale.logarithmic ? "log" : "linear") scale) of \(variants), with 95 % interval bands; "
            + "\(presentation.label) on a \(values.logarithmic ? "log" : "linear") scale"
    }

    /// A legend row: the variant's line and marker, then its name.
    private func legend(_ series: Series, y: Double) -> String {
        let middle = EvidenceChart.number(y + 8)
        return #"<g class="legend series-\#(series.index)" color="\#(ScalingMarks.colour(series.index))">"#
            + #"<line x1="2" x2="24" y1="\#(middle)" y2="\#(middle)" stroke="currentColor" stroke-width="2"/>"#
            + ScalingMarks.marker(series.index, x: "13", y: middle)
            + #"<text x="32" y="\#(EvidenceChart.number(y + 12))">\#(Escape.html(series.variant))</text></g>"#
    }

    /// A series' markers, each with its numbers in a tooltip.
    private func markers(_ plot: ScalingPlot) -> (Series) -> String {
        { series in
            let marks = series.points.map { point in
                let summary = point.summary
                let tooltip =
                    "\(series.variant), \(axis.name)=\(point.value): "
                    + "\(MetricFormat.value(summary.median, scale: presentation.scale)) "
                    + "\(MetricFormat.interval(summary.ci, scale: presentation.scale)), \(summary.n) samples"
                return "<g class=\"mark\"><title>\(Escape.html(tooltip))</title>"
                    + ScalingMarks.marker(
                        series.index, x: plot.xPercent(point.x) + "%", y: plot.yPixels(summary.median))
                    + "</g>"
            }
            return #"<g class="series-\#(series.index)" color="\#(ScalingMarks.colour(series.index))">"#
                + marks.joined() + "</g>"
        }
    }
}

/// The parameter a scaling chart runs along: the first whose values, three or more, are all numbers.
struct ScalingAxis {
    var name: String
    /// The values as written, in the order written.
    var values: [String]
    /// The same values as numbers.
    var numbers: [Double]
    var scale: ChartScale

    init?(_ bench: BenchDirective) {
        for param in bench.params where param.values.count >= 3 {
            let numbers = param.values.compactMap(Double.init).filter(\.isFinite)
            guard numbers.count == param.values.count else { continue }
            (name, values, self.numbers) = (param.name, param.values, numbers)
            scale = ChartScale(spanning: numbers, decadeTicks: 4)
            return
        }
        return nil
    }
}
