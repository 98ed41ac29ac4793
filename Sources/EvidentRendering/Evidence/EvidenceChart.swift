import EvidentCore
import EvidentEvidence

/// The inline SVG chart of one metric of a bench: per cell, one row per variant with its median (a bar, or a
/// point on a log scale) and a whisker over its 95% CI. It is HTML we generate: every name in it is escaped, it
/// has a fixed view box, scales to the width of its container and needs no script.
struct EvidenceChart {
    var bench: BenchDirective
    var metric: String
    var evidence: MetricEvidence

    private static let width = 640.0
    private static let labelWidth = 150.0
    private static let plotEnd = 620.0
    private static let rowHeight = 18.0
    private static let axisHeight = 26.0

    /// One measured variant in one cell.
    private struct Mark {
        var variant: String
        var cell: [String: String]
        var summary: Summary
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
        let grouped = bench.cells.count > 1
        var body: [String] = []
        var y = 8.0
        for (cell, cellMarks) in zip(bench.cells, marks) where !cellMarks.isEmpty {
            if grouped {
                body.append(
                    #"<text class="group" x="4" y="\#(Self.number(y + 13))">\#(Escape.html(bench.cellLabel(cell)))</text>"#
                )
                y += Self.rowHeight
            }
            for mark in cellMarks {
                body.append(row(mark, y: y, scale: scale))
                y += Self.rowHeight
            }
        }
        body.append(axis(scale, y: y + 4))
        let height = y + Self.axisHeight
        let kind = scale.logarithmic ? "log scale" : "linear scale"
        let label = "Median \(metric) of each variant with its 95 % confidence interval, \(kind)"
        return [
            #"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(Self.number(Self.width)) "#
                + #"\#(Self.number(height))" width="100%" role="img" aria-label="\#(Escape.html(label))" "#
                + #"data-scale="\#(scale.logarithmic ? "log" : "linear")">"#,
            "<title>\(Escape.html(bench.title)): \(Escape.html(label))</title>",
        ].joined() + body.joined() + "</svg>"
    }

    /// A variant's label, its bar or point and its whisker, with the numbers in a tooltip.
    private func row(_ mark: Mark, y: Double, scale: ChartScale) -> String {
        let x = { (value: Double) in Self.labelWidth + (Self.plotEnd - Self.labelWidth) * scale.fraction(value) }
        let middle = y + Self.rowHeight / 2
        let summary = mark.summary
        let cell = bench.cellLabel(mark.cell)
        let tooltip =
            "\(mark.variant)\(cell.isEmpty ? "" : ", \(cell)"): \(MetricFormat.value(summary.median, metric: metric)) "
            + "\(MetricFormat.interval(summary.ci, metric: metric)), n = \(summary.n)"
        let baseline = mark.variant == bench.baseline ? " baseline" : ""
        let marker =
            scale.logarithmic
            ? #"<circle class="point\#(baseline)" cx="\#(Self.number(x(summary.median)))" cy="\#(Self.number(middle))" r="4"/>"#
            : #"<rect class="bar\#(baseline)" x="\#(Self.number(Self.labelWidth))" y="\#(Self.number(y + 4))" "#
                + #"width="\#(Self.number(x(summary.median) - Self.labelWidth))" height="10"/>"#
        let (low, high) = (Self.number(x(summary.ci.lowerBound)), Self.number(x(summary.ci.upperBound)))
        let top = Self.number(middle - 4)
        let whisker =
            #"<path class="whisker" d="M\#(low) \#(Self.number(middle))H\#(high)M\#(low) \#(top)v8M\#(high) \#(top)v8"/>"#
        let text =
            #"<text x="\#(Self.number(Self.labelWidth - 6))" y="\#(Self.number(middle + 4))" text-anchor="end">"#
            + "\(Escape.html(mark.variant))</text>"
        return "<g class=\"mark\"><title>\(Escape.html(tooltip))</title>\(text)\(marker)\(whisker)</g>"
    }

    /// The axis line and its tick labels.
    private func axis(_ scale: ChartScale, y: Double) -> String {
        var parts = [
            #"<path class="axis" d="M\#(Self.number(Self.labelWidth)) \#(Self.number(y))H\#(Self.number(Self.plotEnd))"/>"#
        ]
        for tick in scale.ticks {
            let x = Self.number(Self.labelWidth + (Self.plotEnd - Self.labelWidth) * scale.fraction(tick))
            parts.append(#"<path class="axis" d="M\#(x) \#(Self.number(y))v4"/>"#)
            parts.append(
                #"<text x="\#(x)" y="\#(Self.number(y + 16))" text-anchor="middle">"#
                    + "\(Escape.html(MetricFormat.value(tick, metric: metric)))</text>")
        }
        return parts.joined()
    }

    /// A coordinate with at most one decimal: `150`, `12.5`.
    private static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
