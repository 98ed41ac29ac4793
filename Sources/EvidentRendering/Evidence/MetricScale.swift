/// The units a metric's values are shown in, chosen by the unit at the end of its name: `_ns`, `_us`, `_ms`,
/// `_s` (times), `_bytes` (sizes), anything else a plain count.
struct MetricScale: Equatable {
    /// One unit of the ladder: its symbol and its size in the metric's own unit.
    struct Unit: Equatable {
        var symbol: String
        var size: Double
    }

    /// The units from smallest to largest.
    var units: [Unit]
    /// The factor from one unit to the next, where a value moves up (1,000 for times, 1,024 for bytes).
    var step: Double

    init(metric: String) {
        let times: [(suffix: String, seconds: Double)] = [("_ns", 1e-9), ("_us", 1e-6), ("_ms", 1e-3), ("_s", 1)]
        if let time = times.first(where: { metric.hasSuffix($0.suffix) }) {
            let ladder = [("ns", 1e-9), ("µs", 1e-6), ("ms", 1e-3), ("s", 1.0)]
            units = ladder.map { Unit(symbol: $0.0, size: $0.1 / time.seconds) }
            step = 1000
        } else if metric.hasSuffix("_bytes") {
            units = ["B", "KiB", "MiB", "GiB", "TiB"].enumerated().map { index, symbol in
                Unit(symbol: symbol, size: pow1024(index))
            }
            step = 1024
        } else {
            units = []
            step = 1000
        }
    }

    /// Whether values carry a unit at all.
    var hasUnits: Bool { !units.isEmpty }

    /// The unit a value reads best in: the largest that keeps it at 1 or more once rounded to three
    /// significant digits (the smallest unit for values below it, and for 0).
    func unit(for value: Double) -> Unit? {
        guard var best = units.first else { return nil }
        for unit in units.dropFirst() {
            let scaled = SignificantDigits.round(abs(value) / best.size)
            guard scaled >= step else { break }
            best = unit
        }
        return best
    }
}

private func pow1024(_ exponent: Int) -> Double {
    (0..<exponent).reduce(1.0) { product, _ in product * 1024 }
}
