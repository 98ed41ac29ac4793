import EvidentCore
import EvidentSystem
import Foundation

/// Starts the processes of one or more measurement units and reads what each measured, for the metrics a directive
/// asks for: an experiment's variant under the runner protocol, several variants of one experiment sharing a
/// process in pairs (`ProcessSharing`), or a command line timed as a whole process.
struct UnitLauncher {
    /// What one process measured, per unit it ran.
    package struct Outcome {
        /// For each unit of the launcher, in order, the samples of each of the directive's metrics.
        var samples: [[String: [Double]]]
        /// For each unit, the pair of each sample of each metric when the units shared the process; else empty.
        var pairs: [[String: [Int]]]
        /// The process's wall time, for planning the next ones.
        var wallNanoseconds: Int
    }

    private enum Program {
        case experiment(ExperimentInvocation, variants: [String])
        case command(Subprocess, name: String)
    }

    /// The indices of the units this launcher runs, in the bench's unit order.
    let units: [Int]
    private let program: Program
    private let params: [String: String]
    private let metrics: [String]
    private let timeout: Duration
    private let location: SourceLocation

    /// Prepares `units` (indices into `all`, one cell: one unit, or several variants of one experiment) of `bench`;
    /// `invocations` holds the prepared experiments by their path in the essay.
    init(
        _ units: [Int], of all: [MeasurementUnit], bench: BenchDirective, invocations: [String: ExperimentInvocation],
        commandEnvironment: [String: String], essayFolder: URL
    ) {
        let first = all[units[0]]
        switch first.variant.source {
        case .experiment(let path, _):
            let variants = units.map { index -> String in
                guard case .experiment(_, let variant) = all[index].variant.source else { preconditionFailure() }
                return variant
            }
            program = .experiment(invocations[path]!, variants: variants)
        case .command(let line):
            var subprocess = Subprocess(
                CommandLineWords.arguments(for: line), environment: commandEnvironment,
                workingDirectory: essayFolder.path, timeout: bench.timeout)
            subprocess.primed = true
            program = .command(subprocess, name: "command `\(line)` (variant \(first.variant.name))")
        }
        self.units = units
        params = first.params
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

    /// Runs one process: `batch` samples (of each unit) after `warmup` unrecorded ones (a command ignores both: it
    /// is one sample); `seed` shuffles the order within pairs. Throws an `EvidentError` at the directive when the
    /// process fails or misses one of the metrics.
    func run(batch: Int, warmup: Int, seed: Int = 0) throws -> Outcome {
        switch program {
        case .command(let subprocess, let name):
            let process = try subprocess.run(named: name, at: location)
            return Outcome(
                samples: [select([], process: process)], pairs: [[:]], wallNanoseconds: process.wallNanoseconds)
        case .experiment(let invocation, let variants):
            let run = try invocation.run(
                variants: variants, params: params, samples: batch, warmup: warmup, seed: seed, timeout: timeout)
            let printed = try variants.count == 1 ? [run.samples] : byVariant(run.samples, variants, invocation)
            var samples: [[String: [Double]]] = []
            var pairs: [[String: [Int]]] = []
            for (variant, lines) in zip(variants, printed) {
                let selected = select(lines, process: run.process)
                if let missing = metrics.first(where: { selected[$0] == nil }) {
                    throw missingMetric(missing, printed: lines, invocation: invocation, variant: variant)
                }
                samples.append(selected)
                pairs.append(variants.count == 1 ? [:] : selectPairs(lines))
            }
            return Outcome(samples: samples, pairs: pairs, wallNanoseconds: run.process.wallNanoseconds)
        }
    }

    /// The lines of each variant of a shared process; a line without a `variant` of the process, or without its
    /// `pair`, means the experiment does not take several variants at once.
    private func byVariant(_ lines: [ExperimentSample], _ variants: [String], _ invocation: ExperimentInvocation)
        throws -> [[ExperimentSample]]
    {
        var grouped = Array(repeating: [ExperimentSample](), count: variants.count)
        for line in lines {
            guard let variant = line.variant, let index = variants.firstIndex(of: variant), line.pair != nil else {
                throw EvidentError(
                    ExperimentFailure.unpairedSample(program: "experiment \(invocation.name)", variants: variants),
                    at: location)
            }
            grouped[index].append(line)
        }
        return grouped
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

    /// The pair of each selected sample, metric by metric, in the order of `select`.
    private func selectPairs(_ printed: [ExperimentSample]) -> [String: [Int]] {
        var pairs: [String: [Int]] = [:]
        for sample in printed where metrics.contains(sample.metric) {
            pairs[sample.metric, default: []].append(sample.pair ?? 0)
        }
        return pairs
    }

    private func missingMetric(
        _ metric: String, printed: [ExperimentSample], invocation: ExperimentInvocation, variant: String
    ) -> EvidentError {
        var seen: [String] = []
        for sample in printed where !seen.contains(sample.metric) { seen.append(sample.metric) }
        return EvidentError(
            ExperimentFailure.missingMetric(
                program: "experiment \(invocation.name)", file: invocation.name, variant: variant,
                cell: params.isEmpty ? "" : MeasurementUnit.cellText(params), metric: metric, printed: seen),
            at: location)
    }
}
