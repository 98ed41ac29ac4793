import EvidentCore

/// The values a metric may take, judged by its name, wherever a number enters evident: an experiment's output
/// line, a number read from a stored evidence file.
///
/// Every value is finite and at most `largestMagnitude` in size, so that the statistics on it (midpoints,
/// deviations from the median, interpolated quantiles) stay finite. A time (`_ns`, `_us`, `_ms`, `_s`), a size
/// (`_bytes`) or a rate (`_per_s`), which is what the `process_*` metrics are too, cannot be negative; any other
/// metric is a count, which may be.
struct MetricRange: Equatable {
    /// The largest magnitude kept: far beyond any measurement, and far enough from `Double`'s own limit.
    static let largestMagnitude = 1e300

    /// What the metric measures, as messages name it (`time`, `size`, `rate`), or nil for a count.
    let quantity: String?

    /// The range of a quantity that cannot be negative (`time`, `ratio`), or of a count (nil).
    init(quantity: String?) {
        self.quantity = quantity
    }

    /// The range of `metric`, by the unit its name ends with.
    init(metric: String) {
        if metric.hasSuffix("_per_s") {
            quantity = "rate"
        } else if ["_ns", "_us", "_ms", "_s"].contains(where: metric.hasSuffix) {
            quantity = "time"
        } else if metric.hasSuffix("_bytes") {
            quantity = "size"
        } else {
            quantity = nil
        }
    }

    /// Why `value` cannot be a value of the metric (`-1 is negative, and a time cannot be`), nil when it can.
    func problem(_ value: Double) -> String? {
        if !value.isFinite { return "\(value) is not a finite number" }
        if abs(value) > Self.largestMagnitude {
            return "\(value) is beyond ±1e300, the largest magnitude evident keeps"
        }
        if let quantity, value < 0 { return "\(value) is negative, and a \(quantity) cannot be" }
        return nil
    }

    /// What to do about a value out of range.
    var fix: String {
        guard let quantity else { return "report finite values of at most 1e300 in magnitude" }
        return "report \(quantity)s as numbers from 0 up to 1e300"
    }
}
