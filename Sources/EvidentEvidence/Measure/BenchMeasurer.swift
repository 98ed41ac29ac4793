import EvidentCore
import EvidentSystem
import Foundation

/// Measures a bench directive: every variant in every cell of its parameters (a *unit*), in interleaved rounds.
///
/// Each round runs one process per unit, or one per group of units that share a process and alternate sample by
/// sample in pairs (`ProcessSharing`), in a shuffled order (`RoundOrder`), so a drifting machine does not bias
/// one variant. An experiment process takes a batch of samples sized by `BatchPlan`; a command is one sample per
/// process, after `warmup` unrecorded processes per unit, each run right after an unrecorded run of itself
/// (`Subprocess.primed`). Measuring stops as `StopRule` says, or (`samples: auto`)
/// when the next round is not expected to fit in what is left of the budget; the first round always runs in
/// full, so that every unit has samples. The budget counts from the first process: compiling a Swift experiment
/// comes before it.
struct BenchMeasurer: Sendable {

    /// The samples of every unit and metric of `bench`, whose paths are relative to `essayFolder`. A failing
    /// process (non-zero exit, output that is not samples, a time-out, a missing metric) is an
    /// `EvidentError(.experiment)` at the directive that names the experiment, variant and cell.
    func measure(_ bench: BenchDirective, essayFolder: URL, toolchain: ExperimentToolchain, log: Log) throws
        -> BenchMeasurement
    {
        let startedAt = Date()
        let units = MeasurementUnit.all(of: bench)
        let launchers = try prepare(units, of: bench, essayFolder: essayFolder, toolchain: toolchain)
        let commands = launchers.contains(where: \.isCommand)
        let rule = StopRule(bench)
        let progress = MeasureProgress(bench)
        var plan = BatchPlan(bench, units: units.count, commands: commands)
        var order = RoundOrder(id: bench.id, count: launchers.count)
        var taken = TakenSamples(units: units.count)
        let start = monotonicNanoseconds()
        let elapsed = { Double(monotonicNanoseconds() - start) / 1e9 }

        if commands { try warmUp(launchers, processes: bench.warmup, plan: &plan) }
        let firstIsPerProcess = commands || BenchDirective.processMetrics.contains(bench.metric)
        var round = 0
        var pythonProcesses = 0
        var stoppedBy: StopReason
        while true {
            let first = taken.first(metric: bench.metric)
            if let reason = rule.reason(first) {
                stoppedBy = reason
                break
            }
            let budgetLeft = Double(bench.budget.nanoseconds) - elapsed() * 1e9
            let limitedByBudget = bench.samples == .auto && round > 0
            let batches = Self.batches(
                first, rule: rule, plan: plan, share: limitedByBudget ? budgetLeft / Double(units.count) : nil,
                perProcess: firstIsPerProcess)
            let expected = units.indices.reduce(0.0) { total, index in
                batches[index] == 0
                    ? total : total + (plan.expectedNanoseconds(unit: index, batch: batches[index]) ?? 0)
            }
            if limitedByBudget && expected > budgetLeft {
                stoppedBy = .budget
                break
            }
            for process in order.next() {
                let launcher = launchers[process]
                // Variants sharing a process take the same number of pairs: the most any of them wants.
                let batch = launcher.units.map { batches[$0] }.max() ?? 0
                guard batch > 0 else { continue }
                let label = launcher.units.map { units[$0].label }.joined(separator: " + ")
                log.progress?(progress.line(unit: label, samples: first, elapsed: elapsed()))
                let outcome = try launcher.run(batch: batch, warmup: plan.warmup, seed: round)
                if launcher.isPython { pythonProcesses += 1 }
                for (member, unit) in launcher.units.enumerated() {
                    plan.record(
                        unit: unit, batch: batch, wallNanoseconds: outcome.wallNanoseconds / launcher.units.count)
                    taken.add(outcome, member: member, unit: unit, round: round, process: process)
                }
            }
            round += 1
            if round == 1, elapsed() * 1e9 > Double(bench.budget.nanoseconds) {
                log.warning(Self.budgetWarning(bench, units: units.count, seconds: elapsed()))
            }
        }
        let seconds = elapsed()
        log.info(progress.summary(samples: taken.first(metric: bench.metric), stoppedBy: stoppedBy, elapsed: seconds))
        return BenchMeasurement(
            series: taken.series(units, metrics: bench.metrics), stoppedBy: stoppedBy,
            startedAt: startedAt, seconds: seconds, pythonProcesses: pythonProcesses)
    }

    /// Said when the first round alone overran the budget: every unit then has one process, too few for an
    /// interval that covers a rerun.
    private static func budgetWarning(_ bench: BenchDirective, units: Int, seconds: Double) -> String {
        "\(bench.location): one round of the \(units) cells of `\(bench.id)` took "
            + "\(String(format: "%.1f", seconds)) s, more than its budget of \(String(format: "%g", bench.budget.seconds)) s, so each cell "
            + "is measured by too few processes — raise `budget`, or measure fewer variants or parameter values"
    }

    /// The batch of each unit's next process (0 for a unit that has all its samples): what the batch plan wants,
    /// within the unit's `share` of the budget left, and spread so that a unit's samples come from enough processes.
    private static func batches(
        _ units: [UnitSamples], rule: StopRule, plan: BatchPlan, share: Double?, perProcess: Bool
    ) -> [Int] {
        units.indices.map { index in
            let room = rule.room(after: units[index].count)
            if room == 0 { return 0 }
            let spread = perProcess ? nil : rule.spread(room, processes: units[index].processes)
            return plan.batch(unit: index, room: spread, share: share)
        }
    }

    /// Runs each command `processes` times unrecorded, timing them for the batch plan.
    private func warmUp(_ launchers: [UnitLauncher], processes: Int, plan: inout BatchPlan) throws {
        for launcher in launchers {
            for _ in 0..<processes {
                let outcome = try launcher.run(batch: 1, warmup: 0)
                plan.record(unit: launcher.units[0], batch: 1, wallNanoseconds: outcome.wallNanoseconds)
            }
        }
    }

    /// A launcher per process of a round (`ProcessSharing`), each experiment prepared once (a Swift one is
    /// compiled here).
    private func prepare(
        _ units: [MeasurementUnit], of bench: BenchDirective, essayFolder: URL, toolchain: ExperimentToolchain
    ) throws -> [UnitLauncher] {
        var invocations: [String: ExperimentInvocation] = [:]
        for path in bench.experiments {
            invocations[path] = try ExperimentInvocation(
                experiment: essayFolder.appendingPathComponent(path).path, named: path, at: bench.location,
                toolchain: toolchain)
        }
        let environment = VenvEnvironment.make(toolchain)
        return ProcessSharing.groups(units, of: bench, invocations: invocations).map {
            UnitLauncher(
                $0, of: units, bench: bench, invocations: invocations, commandEnvironment: environment,
                essayFolder: essayFolder)
        }
    }
}
