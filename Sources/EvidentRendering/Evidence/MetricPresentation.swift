import EvidentEvidence

/// How a metric reads on the page: the label a reader sees, the units of its values, whether it is a time (its
/// factors read `faster` / `slower`, else `higher` / `lower`) and which direction is better. What the directive
/// declares wins; the rest comes from the end of the metric's name: `_ns`, `_us`, `_ms`, `_s` times, `_bytes`
/// sizes, `_per_s` rates, `_count` counts, `_percent` percentages.
struct MetricPresentation: Equatable {
    /// The metric as the experiment prints it.
    var name: String
    /// The heading: `wall time`, `peak buffer`, `ops per second`.
    var label: String
    var scale: MetricScale
    /// Whether values are times.
    var isTime: Bool
    /// Which direction is better, when known.
    var better: MetricDescription.Better?

    init(_ description: MetricDescription) {
        let name = description.name
        let parts = Self.parts(of: name)
        self.name = name
        let unit = description.unit.map(Self.scale(unit:))
        scale = unit?.scale ?? parts.scale
        isTime = unit?.isTime ?? parts.isTime
        label = description.label ?? parts.label
        better = description.better ?? (isTime ? .lower : parts.better)
    }

    /// A metric with nothing declared.
    init(name: String) {
        self.init(MetricDescription(name: name))
    }

    /// The presentations of a bench's metrics, by name.
    static func all(_ bench: BenchDirective) -> [String: MetricPresentation] {
        Dictionary(
            bench.metricDescriptions.map { ($0.name, MetricPresentation($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The words of a factor above 1: `faster` / `slower` for times, `higher` / `lower` for the rest.
    var factorWords: (below: String, above: String) {
        isTime ? ("faster", "slower") : ("lower", "higher")
    }

    /// What a name's ending says: its label, scale, whether it is a time and which direction is better.
    private static func parts(of name: String) -> (
        label: String, scale: MetricScale, isTime: Bool, better: MetricDescription.Better?
    ) {
        let words = { (stem: Substring) in stem.split(separator: "_").joined(separator: " ") }
        if name.hasSuffix("_per_s") {
            let stem = words(name.dropLast("_per_s".count))
            return (stem + " per second", .count(suffix: stem + "/s"), false, .higher)
        }
        for (suffix, seconds) in [("_ns", 1e-9), ("_us", 1e-6), ("_ms", 1e-3), ("_s", 1.0)] where name.hasSuffix(suffix)
        {
            let stem = words(name.dropLast(suffix.count))
            let label = stem.hasSuffix("time") || stem.hasSuffix("latency") ? stem : stem + " time"
            return (label, .time(seconds: seconds), true, .lower)
        }
        if name.hasSuffix("_bytes") { return (words(name.dropLast("_bytes".count)), .bytes, false, nil) }
        if name.hasSuffix("_percent") {
            return (words(name.dropLast("_percent".count)), .count(suffix: "%"), false, nil)
        }
        if name.hasSuffix("_count") { return (words(name.dropLast("_count".count)), .count(), false, nil) }
        return (words(Substring(name)), .count(), false, nil)
    }

    /// The scale of a declared unit: a time unit, `bytes` / `B`, or any other symbol after counts.
    private static func scale(unit: String) -> (scale: MetricScale, isTime: Bool) {
        if let seconds = MetricScale.timeUnits[unit] { return (.time(seconds: seconds), true) }
        if unit == "bytes" || unit == "B" { return (.bytes, false) }
        return (.count(suffix: unit), false)
    }
}
