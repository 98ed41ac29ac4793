/// The samples a bench has taken so far, per unit and metric, with the round of the process that took each and,
/// where units shared a process, the pair each belongs to.
struct TakenSamples {
    private var samples: [[String: [Double]]]
    private var rounds: [[String: [Int]]]
    private var pairs: [[String: [Int]]]

    init(units: Int) {
        samples = Array(repeating: [:], count: units)
        rounds = samples.map { _ in [:] }
        pairs = samples.map { _ in [:] }
    }

    /// Adds what the `member`-th unit of a process, the bench's `unit`, took in `round`; `process` numbers the
    /// launcher, so that only samples of one process share a pair (`pairID`).
    mutating func add(_ outcome: UnitLauncher.Outcome, member: Int, unit: Int, round: Int, process: Int) {
        samples[unit].merge(outcome.samples[member]) { $0 + $1 }
        rounds[unit].merge(outcome.samples[member].mapValues { Array(repeating: round, count: $0.count) }) { $0 + $1 }
        let ids = outcome.pairs[member].mapValues { $0.map { Self.pairID(process: process, pair: $0) } }
        pairs[unit].merge(ids) { $0 + $1 }
    }

    /// A pair's number as stored: the launcher's number in its high 32 bits and the pair within the process in the
    /// low ones, so that two variants are paired only when the same process took them, never two processes of
    /// one round that each count their pairs from 0.
    static func pairID(process: Int, pair: Int) -> Int {
        process << 32 | pair
    }

    /// What the stop rule and progress know of each unit's samples of `metric`.
    func first(metric: String) -> [UnitSamples] {
        samples.indices.map { UnitSamples(samples[$0][metric] ?? [], rounds: rounds[$0][metric] ?? []) }
    }

    /// The samples of every unit and metric, as series.
    func series(_ units: [MeasurementUnit], metrics: [String]) -> [BenchMeasurement.Series] {
        units.indices.flatMap { index in
            metrics.map { metric in
                var series = BenchMeasurement.Series(
                    variant: units[index].variant.name, params: units[index].params, metric: metric,
                    samples: samples[index][metric] ?? [], rounds: rounds[index][metric] ?? [])
                let paired = pairs[index][metric] ?? []
                if paired.count == series.samples.count { series.pairs = paired }
                return series
            }
        }
    }
}
