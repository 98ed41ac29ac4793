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

    /// `await-loop: gather at n=100 · 24–40 samples · ±4.1% (target ±3.0%) · 8.2 s of 30.0 s · about 12.0 s left`.
    /// On a narrow terminal the target goes first, then the budget, the sample counts and the time so far: the
    /// directive, the current interval and the time left stay.
    func line(unit: String, samples: [UnitSamples], elapsed: Double) -> ProgressLine {
        typealias Part = ProgressLine.Part
        var parts = [Part("\(bench.id): \(unit)"), Part(countText(samples.map(\.count)) + " samples", dropRank: 3)]
        parts.append(Part(percent(worstHalfWidth(samples))))
        if case .auto = bench.samples {
            parts.append(Part("(target ±\(Self.number(bench.precision * 100))%)", after: " ", dropRank: 1))
        }
        parts.append(Part(Self.seconds(elapsed), dropRank: 4))
        if case .auto = bench.samples {
            parts.append(Part("of \(Self.seconds(bench.budget.seconds))", after: " ", dropRank: 2))
        }
        if let left = secondsLeft(samples, elapsed: elapsed) { parts.append(Part("about \(Self.seconds(left)) left")) }
        return ProgressLine(parts)
    }

    /// `measured await-loop: 8 cells, 24–40 samples each, ±1.8% worst, stopped by precision, 21.4 s`.
    func summary(samples: [UnitSamples], stoppedBy reason: StopReason, elapsed: Double) -> String {
        let stop: String
        switch reason {
        case .precision: stop = "stopped by precision"
        case .budget: stop = "stopped by the budget"
        case .maxSamples: stop = "stopped at max_samples"
        case .samples: stop = "fixed sample count"
        }
        let cells = samples.count == 1 ? "1 cell" : "\(samples.count) cells"
        return "measured \(bench.id): \(cells), \(countText(samples.map(\.count))) samples each, "
            + "\(percent(worstHalfWidth(samples))) worst, \(stop), \(Self.seconds(elapsed))"
    }

    /// The largest relative CI half-width among the units (infinite while one has no samples).
    func worstHalfWidth(_ samples: [UnitSamples]) -> Double {
        samples.map(\.halfWidth).max() ?? 0
    }

    /// The time still needed at the rate so far: the samples missing to the fixed count, or (auto) to the
    /// precision, assuming a half-width shrinks with the square root of the sample count; within the budget.
    private func secondsLeft(_ samples: [UnitSamples], elapsed: Double) -> Double? {
        let taken = samples.reduce(0) { $0 + $1.count }
        guard taken > 0, elapsed > 0 else { return nil }
        let missing = samples.reduce(0.0) { missing, values in
            missing + Double(max(0, neededSamples(values) - values.count))
        }
        let left = missing * elapsed / Double(taken)
        guard case .auto = bench.samples else { return left }
        return min(left, max(0, Double(bench.budget.nanoseconds) / 1e9 - elapsed))
    }

    private func neededSamples(_ values: UnitSamples) -> Int {
        guard case .auto = bench.samples else { return values.count + rule.room(after: values.count) }
        if values.count < bench.minSamples { return bench.minSamples }
        let width = values.halfWidth
        guard width.isFinite, width > bench.precision else { return values.count }
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
