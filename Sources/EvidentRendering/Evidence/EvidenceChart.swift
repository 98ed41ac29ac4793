import EvidentCore
import EvidentEvidence

/// The inline SVG chart of one metric of a bench: per cell, one row per variant with its median (a bar, or a
/// point on a log scale) and a whisker over its 95% CI. It is HTML we generate: every name in it is escaped.
///
/// It is drawn for the width it gets: rows and text have fixed heights in CSS pixels (text 12 px on a phone as on
/// a desktop) and horizontal positions are percentages of the chart's width, so nothing shrinks. Its colours and
/// fonts are presentation attributes, so it renders in a feed reader without the site's CSS (which restyles it for
/// dark mode). It needs no script.
struct EvidenceChart {
    var bench: BenchDirective
    var presentation: MetricPresentation
    var evidence: MetricEvidence

    private static let rowHeight = 24.0
    private static let axisHeight = 30.0
    /// Where the plot ends, in percent of the width (room for the last tick's label).
    private static let plotEnd = 96.0

    /// One measured variant in one cell.
    private struct Mark {
        var variant: String
        var cell: [String: String]
        var summary: Summary
    }

    /// What the figure's caption says: the metric, how to read the chart, and which way is better.
    var caption: String {
        let better = presentation.better.map { "; \($0.rawValue) is better" } ?? ""
        return "\(presentation.label): median and 95 % interval of each variant\(better)"
    }

    var svg: String {
        let marks = bench.cells.map { cell in
            bench.variants.compactMap { variant in
                evidence.summary(variant.name, cell).map { Mark(variant: variant.name, cell: cell, summary: $0) }
            }
        }
        let scale = ChartScale(
            covering: marks.flatMap {
                $0.flatMap { [$0.summary.ci.lowerBound, $0.summary.ci.upperBound, $0.summary.median] }
            })
        let plotStart = Self.plotStart(labels: bench.variants.map(\.name))
        let grouped = bench.cells.count > 1
        var body: [String] = []
        var y = 4.0
        for (cell, cellMarks) in zip(bench.cells, marks) where !cellMarks.isEmpty {
            if grouped {
                body.append(
                    #"<text class="group" x="0" y="\#(Self.number(y + 16))" font-weight="600">"#
                        + "\(Escape.html(bench.cellLabel(cell)))</text>")
                y += Self.rowHeight
            }
            for mark in cellMarks {
                body.append(row(mark, y: y, scale: scale, plotStart: plotStart))
                y += Self.rowHeight
            }
        }
        body.append(ChartAxis(scale: scale, metric: presentation.scale, plot: plotStart...Self.plotEnd).svg(y: y + 4))
        let height = y + Self.axisHeight
        return [
            #"<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="100%" height="\#(Self.number(height))" "#,
            #"role="img" aria-label="\#(Escape.html(label(scale)))" data-scale="\#(scale.logarithmic ? "log" : "linear")" "#,
            #"font-family="system-ui, sans-serif" font-size="12" fill="\#(ChartColors.ink)">"#,
        ].joined() + body.joined() + "</svg>"
    }

    /// What the chart shows, for a screen reader: `A loop of awaits: median wall time of sync, gather at n=10 and
    /// n=100, with 95 % intervals, log scale`.
    private func label(_ scale: ChartScale) -> String {
        let cells = bench.cells.map(bench.cellLabel).filter { !$0.isEmpty }
        let at = cells.isEmpty ? "" : " at " + cells.joined(separator: ", ")
        let variants = bench.variants.map(\.name).joined(separator: ", ")
        return "\(bench.title): median \(presentation.label) of \(variants)\(at), with 95 % intervals, "
            + (scale.logarithmic ? "log scale" : "linear scale")
    }

    /// Where the plot starts, in percent of the width: after the longest label at 12 px on a 360 px phone, at
    /// least a fifth and at most two fifths of the width.
    static func plotStart(labels: [String]) -> Double {
        let longest = Double(labels.map(\.count).max() ?? 0)
        return min(max((longest * 7 + 14) / 360 * 100, 20), 40).rounded()
    }

    /// A variant's label, its bar or point and its whisker, with the numbers in a tooltip.
    private func row(_ mark: Mark, y: Double, scale: ChartScale, plotStart: Double) -> String {
        let x = { (value: Double) in Self.number(plotStart + (Self.plotEnd - plotStart) * scale.fraction(value)) + "%" }
        let middle = Self.number(y + Self.rowHeight / 2)
        let summary = mark.summary
        let cell = bench.cellLabel(mark.cell)
        let tooltip =
            "\(mark.variant)\(cell.isEmpty ? "" : ", \(cell)"): "
            + "\(MetricFormat.value(summary.median, scale: presentation.scale)) "
            + "\(MetricFormat.interval(summary.ci, scale: presentation.scale)), \(summary.n) samples"
        let isBaseline = mark.variant == bench.baseline
        let (kind, fill) = isBaseline ? (" baseline", ChartColors.baseline) : ("", ChartColors.bar)
        let marker =
            scale.logarithmic
            ? #"<circle class="point\#(kind)" cx="\#(x(summary.median))" cy="\#(middle)" r="4.5" fill="\#(fill)"/>"#
            : #"<rect class="bar\#(kind)" x="\#(Self.number(plotStart))%" y="\#(Self.number(y + 6))" "#
                + #"width="\#(Self.number((Self.plotEnd - plotStart) * scale.fraction(summary.median)))%" "#
                + #"height="12" fill="\#(fill)"/>"#
        let (low, high) = (x(summary.ci.lowerBound), x(summary.ci.upperBound))
        let whisker =
            #"<line class="whisker" x1="\#(low)" x2="\#(high)" y1="\#(middle)" y2="\#(middle)" "#
            + #"stroke="\#(ChartColors.ink)" stroke-width="2"/>"#
        let text =
            #"<text x="0" y="\#(Self.number(y + Self.rowHeight / 2 + 4))">"#
            + "\(Escape.html(mark.variant))</text>"
        return "<g class=\"mark\"><title>\(Escape.html(tooltip))</title>\(text)\(whisker)\(marker)</g>"
    }

    /// A coordinate with at most one decimal: `150`, `12.5`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
