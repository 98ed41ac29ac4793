import EvidentCore

/// The value axis of a chart: a line under the plot and its ticks, labelled with round numbers in the unit shown
/// (`0`, `0.5 ms`, `1 ms` on a linear axis; `1 µs`, `10 µs`, `100 µs` on a logarithmic one). Horizontal positions are
/// percentages of the chart's width.
struct ChartAxis {
    var scale: ChartScale
    var metric: MetricScale
    /// Where the plot starts and ends, in percent of the width.
    var plot: ClosedRange<Double>

    func svg(y: Double) -> String {
        let at = { (fraction: Double) in
            EvidenceChart.number(plot.lowerBound + (plot.upperBound - plot.lowerBound) * fraction)
        }
        let row = EvidenceChart.number(y)
        var parts = [
            #"<g class="axis" stroke="\#(ChartColors.axis)"><line x1="\#(at(0))%" x2="\#(at(1))%" y1="\#(row)" y2="\#(row)"/>"#
        ]
        let positions = scale.ticks.map { scale.fraction($0) }
        parts += positions.map {
            #"<line x1="\#(at($0))%" x2="\#(at($0))%" y1="\#(row)" y2="\#(EvidenceChart.number(y + 5))"/>"#
        }
        parts.append("</g>")
        for (label, fraction) in zip(tickLabels, positions) {
            let anchor = fraction <= 0 && plot.lowerBound < 1 ? "start" : "middle"
            parts.append(
                #"<text class="tick" x="\#(at(fraction))%" y="\#(EvidenceChart.number(y + 19))" text-anchor="\#(anchor)" fill="\#(ChartColors.muted)">"#
                    + "\(Escape.html(label))</text>")
        }
        return parts.joined()
    }

    /// The label of each tick, in order.
    var tickLabels: [String] {
        let shared = scale.logarithmic ? nil : metric.unit(for: scale.ticks.map(abs).max() ?? 0)
        return scale.ticks.map { label($0, unit: shared) }
    }

    /// A tick's label: in the axis's unit (linear) or its own (logarithmic), without trailing zeros.
    private func label(_ tick: Double, unit shared: MetricScale.Unit?) -> String {
        if tick == 0 { return "0" }
        guard let unit = shared ?? metric.unit(for: tick) else {
            return MetricFormat.suffixed(MetricFormat.count(tick, trimmingZeros: true), metric)
        }
        return SignificantDigits.text(tick / unit.size, trimmingZeros: true) + " " + unit.symbol
    }
}

/// The colours a chart carries as attributes, those of the light theme; the site's CSS gives the dark ones. Text is
/// at least 4.5:1 against the light background, and marks, whiskers and the axis at least 3:1.
enum ChartColors {
    static let ink = "#1d1d1f"
    static let muted = "#5f6368"
    static let axis = "#6b7075"
    /// Grid lines across a plot, which only guide the eye.
    static let grid = "#d6d6cf"
    static let bar = "#3a6aa8"
    static let baseline = "#5c6670"
}
