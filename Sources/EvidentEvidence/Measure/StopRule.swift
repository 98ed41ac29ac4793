/// When a bench has sampled enough, judged on the first metric: a fixed count in every unit, or (`samples: auto`)
/// every unit at `min_samples` with its 95% CI half-width within the precision, or `max_samples`. The budget is
/// the measurer's to check, since it depends on time.
struct StopRule {
    let samples: SampleCount
    let precision: Double
    let minSamples: Int
    let maxSamples: Int

    init(_ bench: BenchDirective) {
        samples = bench.samples
        precision = bench.precision
        minSamples = bench.minSamples
        maxSamples = bench.maxSamples
    }

    /// How many more samples a unit that has `count` may take.
    func room(after count: Int) -> Int {
        switch samples {
        case .fixed(let wanted): return max(0, wanted - count)
        case .auto: return max(0, maxSamples - count)
        }
    }

    /// Whether a unit with these samples has reached the precision: at least `minSamples` of them, enough for a
    /// 95% interval (an interval of fewer is only `[min, max]`, however narrow), and that interval narrow enough.
    func converged(_ values: [Double]) -> Bool {
        guard values.count >= minSamples, let summary = Summary(of: values), summary.ciReachesConfidence else {
            return false
        }
        return summary.relativeHalfWidth <= precision
    }

    /// Why to stop now, given each unit's samples of the first metric; nil to go on.
    func reason(_ units: [[Double]]) -> StopReason? {
        switch samples {
        case .fixed:
            return units.allSatisfy { room(after: $0.count) == 0 } ? .samples : nil
        case .auto:
            let open = units.filter { !converged($0) }
            if open.isEmpty { return .precision }
            return open.allSatisfy { room(after: $0.count) == 0 } ? .maxSamples : nil
        }
    }
}
