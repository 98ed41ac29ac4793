import EvidentCore
import EvidentEvidence

/// Where things go in a `ScalingChart`: the parameter across (percentages of the width), the metric up (CSS pixels
/// from the top), the two axes with their labels and the nested plot of bands and lines.
struct ScalingPlot {
    /// The parameter's scale, across.
    var x: ChartScale
    /// The metric's scale, up.
    var y: ChartScale
    /// The plot's top, in pixels: below the legend.
    var top: Double

    /// The plot's height, in pixels.
    static let height = 180.0
    /// The plot's left and right ends, in percent of the width.
    private static let start = 17.0
    private static let end = 94.0

    /// The nested plot's own units across and up: it stretches to its box, so a point is placed as a fraction.
    private static let units = 1000.0

    func xPercent(_ value: Double) -> String {
        EvidenceChart.number(Self.start + (Self.end - Self.start) * x.fraction(value))
    }

    func yPixels(_ value: Double, plus offset: Double = 0) -> String {
        EvidenceChart.number(top + Self.height * (1 - y.fraction(value)) + offset)
    }

    /// The value axis: a grid line per tick across the plot, its label left of the plot.
    func valueAxis(metric: MetricScale) -> String {
        let labels = ChartAxis(scale: y, metric: metric, plot: Self.start...Self.end).tickLabels
        let lines = y.ticks.map { tick in
            #"<line x1="\#(EvidenceChart.number(Self.start))%" x2="\#(EvidenceChart.number(Self.end))%" "#
                + #"y1="\#(yPixels(tick))" y2="\#(yPixels(tick))"/>"#
        }
        let texts = zip(y.ticks, labels).map { tick, label in
            #"<text class="tick" x="\#(EvidenceChart.number(Self.start - 1.5))%" y="\#(yPixels(tick, plus: 4))" "#
                + #"text-anchor="end" fill="\#(ChartColors.muted)">\#(Escape.html(label))</text>"#
        }
        return #"<g class="axis grid" stroke="\#(ChartColors.grid)">"# + lines.joined() + "</g>" + texts.joined()
    }

    /// The parameter axis: a line under the plot, a tick and label at each measured value (a label that would touch
    /// the one before it on a 320 px plot is left out), and the parameter's name.
    func parameterAxis(_ axis: ScalingAxis) -> String {
        let bottom = top + Self.height
        let row = EvidenceChart.number(bottom)
        var parts = [
            #"<g class="axis" stroke="\#(ChartColors.axis)"><line x1="\#(EvidenceChart.number(Self.start))%" "#
                + #"x2="\#(EvidenceChart.number(Self.end))%" y1="\#(row)" y2="\#(row)"/>"#
        ]
        parts += axis.numbers.map {
            #"<line x1="\#(xPercent($0))%" x2="\#(xPercent($0))%" y1="\#(row)" y2="\#(EvidenceChart.number(bottom + 5))"/>"#
        }
        parts.append("</g>")
        var lastEnd = -Double.infinity
        for (number, value) in zip(axis.numbers, axis.values) {
            let centre = (Self.end - Self.start) * x.fraction(number) / 100 * 320
            let half = Double(value.count) * 3.6
            guard centre - half > lastEnd + 6 else { continue }
            lastEnd = centre + half
            parts.append(
                #"<text class="tick" x="\#(xPercent(number))%" y="\#(EvidenceChart.number(bottom + 19))" "#
                    + #"text-anchor="middle" fill="\#(ChartColors.muted)">\#(Escape.html(value))</text>"#)
        }
        let scale = x.logarithmic ? " (log scale)" : ""
        parts.append(
            #"<text class="axis-name" x="\#(EvidenceChart.number((Self.start + Self.end) / 2))%" "#
                + #"y="\#(EvidenceChart.number(bottom + 38))" text-anchor="middle">\#(Escape.html(axis.name))\#(scale)</text>"#
        )
        return parts.joined()
    }

    /// The bands and lines of every series, in a nested plot that stretches to the plot's box; strokes keep their
    /// width whatever the stretch.
    func nested(_ series: [(index: Int, points: [(x: Double, summary: Summary)])]) -> String {
        let point = { (value: Double, at: Double) in
            EvidenceChart.number(Self.units * x.fraction(value)) + ","
                + EvidenceChart.number(Self.units * (1 - y.fraction(at)))
        }
        let drawn = series.map { series in
            let colour = ScalingMarks.colour(series.index)
            let upper = series.points.map { point($0.x, $0.summary.ci.upperBound) }
            let lower = series.points.reversed().map { point($0.x, $0.summary.ci.lowerBound) }
            let line = series.points.map { point($0.x, $0.summary.median) }
            return #"<g class="series-\#(series.index)" color="\#(colour)">"#
                + #"<polygon class="band" points="\#((upper + lower).joined(separator: " "))" fill="currentColor" "#
                + #"fill-opacity="0.16" stroke="none"/>"#
                + #"<polyline class="line" points="\#(line.joined(separator: " "))" fill="none" stroke="currentColor" "#
                + #"stroke-width="2" vector-effect="non-scaling-stroke"\#(ScalingMarks.dash(series.index))/></g>"#
        }
        return #"<svg class="plot" x="\#(EvidenceChart.number(Self.start))%" y="\#(EvidenceChart.number(top))" "#
            + #"width="\#(EvidenceChart.number(Self.end - Self.start))%" height="\#(EvidenceChart.number(Self.height))" "#
            + #"viewBox="0 0 \#(Int(Self.units)) \#(Int(Self.units))" preserveAspectRatio="none" overflow="visible">"#
            + drawn.joined() + "</svg>"
    }
}

/// How the series of a scaling chart differ: a colour (3:1 against the light background; the site's CSS gives
/// dark ones), a marker shape and a dash pattern each, so that none depends on colour alone.
enum ScalingMarks {
    private static let colours = ["#1a5fb4", "#b3261e", "#1e7b34", "#8a4f00", "#6a3d9a", "#00727a"]
    /// Marker paths around (0, 0), about 9 px across: circle, square, triangle, diamond, triangle down, cross.
    private static let shapes = [
        "M4.5,0A4.5,4.5 0 1 1 -4.5,0A4.5,4.5 0 1 1 4.5,0Z", "M-4,-4H4V4H-4Z", "M0,-5L4.8,3.5H-4.8Z",
        "M0,-5.2L5.2,0L0,5.2L-5.2,0Z", "M0,5L4.8,-3.5H-4.8Z",
        "M-5,-2H-2V-5H2V-2H5V2H2V5H-2V2H-5Z",
    ]
    private static let dashes = ["", "6 3", "2 3", "8 3 2 3"]

    static func colour(_ index: Int) -> String { colours[index % colours.count] }

    static func dash(_ index: Int) -> String {
        let dash = dashes[index % dashes.count]
        return dash.isEmpty ? "" : #" stroke-dasharray="\#(dash)""#
    }

    /// The series' marker centred on (`x`, `y`): `x` may be a percentage.
    static func marker(_ index: Int, x: String, y: String) -> String {
        #"<svg class="marker" x="\#(x)" y="\#(y)" width="1" height="1" overflow="visible">"#
            + ##"<path d="\##(shapes[index % shapes.count])" fill="currentColor" stroke="#fdfdfb" stroke-width="1"/></svg>"##
    }
}
