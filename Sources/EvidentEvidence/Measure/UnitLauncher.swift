import EvidentCore
import Foundation

/// Starts the processes of one measurement unit and reads what each measured, for the metrics a directive asks
/// for: an experiment's variant under the runner protocol, or a command line timed as a whole process.
struct UnitLauncher {
    /// What one process measured.
    package struct Outcome {
        /// The samples of each of the directive's metrics, in the order taken.
        var samples: [String: [Double]]
        /// The process's wall time, for planning the next ones.
        var wallNanoseconds: Int
    }

    private enum Program {
        case experiment(ExperimentInvocation, variant: String)
        case command(Subprocess, name: String)
    }

    private let program: Program
    private let params: [String: String]
    private let metrics: [String]
    private let timeout: Duration
    private let location: SourceLocation

    /// Prepares `unit` of `bench`; `invocations` holds the prepared experiments by their path in the essay.
    init(
        _ unit: MeasurementUnit, of bench: BenchDirective, invocations: [String: ExperimentInvocation],
        commandEnvironment: [String: String], essayFolder: URL
    ) {
        switch unit.variant.source {
        case .experiment(let path, let variant):
            program = .experiment(invocations[path]!, variant: variant)
        case .command(let line):
            var subprocess = Subprocess(
                CommandLineWords.arguments(for: line), environment: commandEnvironment,
                workingDirectory: essayFolder.path, timeout: bench.timeout)
            subprocess.primed = true
            program = .command(subprocess, name: "command `\(line)` (variant \(unit.variant.name))")
        }
        params = unit.params
        metrics = bench.metrics
        timeout = bench.timeout
        location = bench.location
    }

    /// Whether each process yields one sample (a command) rather than a batch.
    var isCommand: Bool {
        if case .command = program { return true }
        return false
    }

    /// Whether each process is a Python interpreter running an experiment.
    var isPython: Bool {
        if case .experiment(let invocation, _) = program { return invocation.name.hasSuffix(".py") }
        return false
    }

    /// Runs one process: `batch` samples after `warmup` unrecorded ones (a command ignores both: it is one sample).
    /// Throws an `EvidentError` at the directive when the process fails or misses one of the metrics.
    func run(batch: Int, warmup: Int) throws -> Outcome {
        switch program {
        case .command(let subprocess, let name):
            let process = try subprocess.run(named: name, at: location)
            return Outcome(samples: select([], process: process), wallNanoseconds: process.wallNanoseconds)
        case .experiment(let invocation, let variant):
            let run = try invocation.run(
                variant: variant, params: params, samples: batch, warmup: warmup, timeout: timeout)
            let samples = select(run.samples, process: run.process)
            if let missing = metrics.first(where: { samples[$0] == nil }) {
                throw missingMetric(missing, printed: run.samples, invocation: invocation, variant: variant)
            }
            return Outcome(samples: samples, wallNanoseconds: run.process.wallNanoseconds)
        }
    }

    /// The values of the directive's metrics: the `process_*` ones taken of `process` itself, the others from what
    /// it `printed`.
    private func select(_ printed: [ExperimentSample], process: ProcessResult) -> [String: [Double]] {
        let isProcessMetric = { BenchDirective.processMetrics.contains($0) }
        var selected: [String: [Double]] = [:]
        for sample in printed where metrics.contains(sample.metric) && !isProcessMetric(sample.metric) {
            selected[sample.metric, default: []].append(sample.value)
        }
        for sample in process.processSamples where metrics.contains(sample.metric) {
            selected[sample.metric] = [sample.value]
        }
        return selected
    }

    private func missingMetric(
        _ metric: String, printed: [ExperimentSample], invocation: ExperimentInvocation, variant: String
    ) -> EvidentError {
        let cell = params.isEmpty ? "" : " at \(MeasurementUnit.cellText(params))"
        var seen: [String] = []
        for sample in printed where !seen.contains(sample.metric) { seen.append(sample.metric) }
        let printedText = seen.isEmpty ? "no samples at all" : "only " + seen.map { "`\($0)`" }.joined(separator: ", ")
        return EvidentError(
            .experiment, at: location,
            "experiment \(invocation.name) (variant \(variant)\(cell)) printed no `\(metric)` samples, "
                + "\(printedText)",
            fix: #"print a line like {"metric":"\#(metric)","value":...} per sample, or change `metric:`"#)
    }
}
