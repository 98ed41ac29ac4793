/// When a bench has sampled enough, judged on the first metric: a fixed count in every unit, or (`samples: auto`)
/// every unit at `min_samples`, from at least `ProcessInterval.fewestProcesses` processes, with the 95% interval
/// over its processes within the precision, or `max_samples`. The budget is the measurer's to check, since it
/// depends on time.
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

    /// The most samples a unit's next process may take of its `room`, so that what is left spreads over at least
    /// `ProcessInterval.fewestProcesses` processes in all (`processes` have run so far): a fixed count of 40
    /// becomes 5 processes of 8 samples or more processes, never one of 40.
    func spread(_ room: Int, processes: Int) -> Int {
        let wanted = max(1, ProcessInterval.fewestProcesses - processes)
        return max(1, (room + wanted - 1) / wanted)
    }

    /// Whether a unit has reached the precision: at least `minSamples` samples, enough for a 95% interval (an
    /// interval of fewer is only `[min, max]`, however narrow), from enough processes for the interval to cover
    /// a rerun, and that interval narrow enough.
    func converged(_ unit: UnitSamples) -> Bool {
        guard unit.count >= minSamples, let summary = unit.summary, summary.ciReachesConfidence,
            summary.ciCoversReruns
        else { return false }
        return summary.relativeHalfWidth <= precision
    }

    /// Why to stop now, given each unit's samples of the first metric; nil to go on.
    func reason(_ units: [UnitSamples]) -> StopReason? {
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
