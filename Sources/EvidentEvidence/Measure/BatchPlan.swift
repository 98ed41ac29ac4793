/// How many samples each experiment process of a bench takes, so that a process is worth its start-up.
///
/// A unit's first process takes `initial`, `max(1, min_samples / ProcessInterval.fewestProcesses)`, so that the
/// minimum is spread over the processes an interval needs even when a sample is slow. Later batches aim at
/// `target` of work per process, from the unit's cost per sample: its last process's wall time over the warm-ups
/// and samples it ran. That estimate includes the start-up, so it errs towards smaller batches (and longer
/// predictions) and tightens as batches grow. A batch never needs more than half the process time-out or its share
/// of what is left of the budget. When the directive asks for a `process_*` metric every process takes the same
/// batch, so that whole processes compare. A command is one sample per process, its warm-ups processes of their own.
struct BatchPlan {
    /// The sampling time one process aims at, in nanoseconds.
    static let target = 200e6

    /// The samples of a unit's first process.
    let initial: Int
    /// The warm-ups inside each process (none for commands).
    let warmup: Int
    private let adapts: Bool
    private let timeout: Double
    private var costPerSample: [Double?]

    init(_ bench: BenchDirective, units: Int, commands: Bool) {
        let fixed: Int? = if case .fixed(let count) = bench.samples { count } else { nil }
        initial = commands ? 1 : max(1, min(bench.minSamples / ProcessInterval.fewestProcesses, fixed ?? .max))
        warmup = commands ? 0 : bench.warmup
        adapts = !commands && !bench.metrics.contains(where: BenchDirective.processMetrics.contains)
        timeout = Double(bench.timeout.nanoseconds)
        costPerSample = Array(repeating: nil, count: units)
    }

    /// Learns from a process of `unit` that ran `batch` samples in `wallNanoseconds`.
    mutating func record(unit: Int, batch: Int, wallNanoseconds: Int) {
        costPerSample[unit] = Double(wallNanoseconds) / Double(warmup + batch)
    }

    /// The batch of `unit`'s next process: at most `room` samples (what it may still take) and, given a
    /// `share` of the budget in nanoseconds, no longer than that; at least 1.
    func batch(unit: Int, room: Int?, share: Double?) -> Int {
        guard adapts, let cost = costPerSample[unit], cost > 0 else { return max(1, min(initial, room ?? .max)) }
        var limit = min(Self.target, timeout / 2)
        if let share { limit = min(limit, share) }
        let wanted = Int((limit / cost).rounded(.down)) - warmup
        return max(1, min(wanted, room ?? .max))
    }

    /// The expected wall time of a process of `unit` taking `batch` samples, nil before its first process.
    func expectedNanoseconds(unit: Int, batch: Int) -> Double? {
        costPerSample[unit].map { $0 * Double(warmup + batch) }
    }
}
