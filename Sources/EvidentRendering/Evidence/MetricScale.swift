/// The units a metric's values are shown in: a ladder of time units (`ns` … `s`) or of sizes (`B`, `kB` …, decimal
/// so that round byte counts read round), or no ladder for counts, which may carry a fixed suffix (`ops/s`, `%`).
struct MetricScale: Equatable {
    /// One unit of the ladder: its symbol and its size in the metric's own unit.
    struct Unit: Equatable {
        var symbol: String
        var size: Double
    }

    /// The units from smallest to largest; empty for counts.
    var units: [Unit]
    /// What follows a count (`ops/s`, `%`); nil for plain counts and for metrics with units.
    var suffix: String?

    /// Times whose printed unit is `seconds` long in seconds (1e-9 for `ns`).
    static func time(seconds: Double) -> MetricScale {
        let ladder = [("ns", 1e-9), ("µs", 1e-6), ("ms", 1e-3), ("s", 1.0)]
        return MetricScale(units: ladder.map { Unit(symbol: $0.0, size: $0.1 / seconds) }, suffix: nil)
    }

    /// Sizes printed in bytes.
    static let bytes = MetricScale(
        units: ["B", "kB", "MB", "GB", "TB"].enumerated().map { index, symbol in
            Unit(symbol: symbol, size: (0..<index).reduce(1.0) { product, _ in product * 1000 })
        },
        suffix: nil)

    /// Counts, plain or followed by `suffix`.
    static func count(suffix: String? = nil) -> MetricScale {
        MetricScale(units: [], suffix: suffix)
    }

    /// The time units a printed unit names, by their length in seconds.
    static let timeUnits: [String: Double] = ["ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1]

    /// Whether values carry a unit from the ladder.
    var hasUnits: Bool { !units.isEmpty }

    /// The unit a value reads best in: the largest that keeps it at 1 or more once rounded to three
    /// significant digits (the smallest unit for values below it, and for 0).
    func unit(for value: Double) -> Unit? {
        guard var best = units.first else { return nil }
        for unit in units.dropFirst() {
            let scaled = SignificantDigits.round(abs(value) / best.size)
            guard scaled >= (unit.size / best.size).rounded() else { break }
            best = unit
        }
        return best
    }
}
