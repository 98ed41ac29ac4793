import EvidentCore
import Foundation

/// What a user sees while a bench is measured: a progress line redrawn on a terminal (unit, samples, worst CI
/// half-width against the precision, time against the budget, time left), and one line when it is done.
struct MeasureProgress {
    private let bench: BenchDirective
    private let rule: StopRule

    init(_ bench: BenchDirective) {
        self.bench = bench
        rule = StopRule(bench)
    }

    /// `await-loop: gather at n=100 · 24–40 samples · ±4.1% (target ±3%) · 8.2 s of 30 s · about 12 s left`.
    func line(unit: String, samples: [[Double]], elapsed: Double) -> String {
        var parts = ["\(bench.id): \(unit)", countText(samples.map(\.count)) + " samples"]
        let worst = worstHalfWidth(samples)
        switch bench.samples {
        case .auto:
            parts.append("\(percent(worst)) (target ±\(Self.number(bench.precision * 100))%)")
            parts.append("\(Self.seconds(elapsed)) of \(Self.seconds(bench.budget.seconds))")
        case .fixed:
            parts.append(percent(worst))
            parts.append(Self.seconds(elapsed))
        }
        if let left = secondsLeft(samples, elapsed: elapsed) { parts.append("about \(Self.seconds(left)) left") }
        return parts.joined(separator: " · ")
    }

    /// `measured await-loop: 8 cells, 24–40 samples each, ±1.8% worst, stopped by precision, 21.4 s`.
    func summary(samples: [[Double]], stoppedBy reason: StopReason, elapsed: Double) -> String {
        let stop: String
        switch reason {
        case .precision: stop = "stopped by precision"
        case .budget: stop = "stopped by the budget"
        case .maxSamples: stop = "stopped at max_samples"
        case .samples: stop = "fixed sample count"
        }
        return "measured \(bench.id): \(samples.count) cells, \(countText(samples.map(\.count))) samples each, "
            + "\(percent(worstHalfWidth(samples))) worst, \(stop), \(Self.seconds(elapsed))"
    }

    /// The largest relative CI half-width among the units (infinite while one has no samples).
    func worstHalfWidth(_ samples: [[Double]]) -> Double {
        samples.map { Summary(of: $0)?.relativeHalfWidth ?? .infinity }.max() ?? 0
    }

    /// The time still needed at the rate so far: the samples missing to the fixed count, or (auto) to the
    /// precision, assuming a half-width shrinks with the square root of the sample count; within the budget.
    private func secondsLeft(_ samples: [[Double]], elapsed: Double) -> Double? {
        let taken = samples.reduce(0) { $0 + $1.count }
        guard taken > 0, elapsed > 0 else { return nil }
        let missing = samples.reduce(0.0) { missing, values in
            missing + Double(max(0, neededSamples(values) - values.count))
        }
        let left = missing * elapsed / Double(taken)
        guard case .auto = bench.samples else { return left }
        return min(left, max(0, Double(bench.budget.nanoseconds) / 1e9 - elapsed))
    }

    private func neededSamples(_ values: [Double]) -> Int {
        guard case .auto = bench.samples else { return values.count + rule.room(after: values.count) }
        if values.count < bench.minSamples { return bench.minSamples }
        guard let width = Summary(of: values)?.relativeHalfWidth, width > bench.precision else { return values.count }
        let scaled = Double(values.count) * (width / bench.precision) * (width / bench.precision)
        return Int(min(scaled.rounded(.up), Double(bench.maxSamples)))
    }

    private func countText(_ counts: [Int]) -> String {
        let low = counts.min() ?? 0
        let high = counts.max() ?? 0
        return low == high ? "\(low)" : "\(low)–\(high)"
    }

    private func percent(_ fraction: Double) -> String {
        fraction.isFinite ? "±\(Self.number(fraction * 100))%" : "±∞"
    }

    private static func seconds(_ value: Double) -> String {
        "\(number(value)) s"
    }

    /// One decimal below 100, none above: `1.8`, `21.4`, `130`.
    private static func number(_ value: Double) -> String {
        value < 100 ? String(format: "%.1f", value) : String(format: "%.0f", value)
    }
}
