import EvidentSystem
extension ProcessResult {
    /// The metrics every process run yields, whatever it prints: one sample each of wall time, CPU time
    /// (user + system) and peak resident memory. `commands:` variants have only these.
    var processSamples: [ExperimentSample] {
        [
            ExperimentSample(metric: "process_wall_ns", value: Double(wallNanoseconds)),
            ExperimentSample(metric: "process_cpu_ns", value: Double(cpuNanoseconds)),
            ExperimentSample(metric: "process_max_rss_bytes", value: Double(maxRSSBytes)),
        ]
    }
}
