import EvidentCore
import EvidentEvidence
import Foundation

/// A measurer that answers from memory, for tests of what a build plans, reuses, refreshes and stores: no process
/// runs. Every variant's samples lie within ±0.5% of its median (`medians`, 1 ms when not given), ten per cell and
/// metric, taken by five processes of two samples (rounds 0 to 4); a probe's snippet works under every tool unless `failing` names it as `tool/snippet`.
package final class InMemoryMeasurer: Measurer, @unchecked Sendable {
    /// The ids of the directives measured, in order.
    package private(set) var measured: [String] = []
    /// A variant's median, by variant name.
    package var medians: [String: Double]
    /// The probe results that fail, as `tool/snippet`.
    package var failing: Set<String>
    /// A directive whose measuring fails, as an experiment that crashes would.
    package var crashing: Set<String>

    package init(medians: [String: Double] = [:], failing: Set<String> = [], crashing: Set<String> = []) {
        self.medians = medians
        self.failing = failing
        self.crashing = crashing
    }

    package func measure(_ bench: BenchDirective, essayFolder: URL, log: Log) throws -> BenchMeasurement {
        measured.append(bench.id)
        try crashIfAsked(bench.id, at: bench.location)
        let spread = (0..<10).map { 1 + (Double($0) - 4.5) / 900 }
        let series = bench.variants.flatMap { variant in
            bench.cells.flatMap { params in
                bench.metrics.map { metric in
                    let median = medians[variant.name] ?? 1e6
                    return BenchMeasurement.Series(
                        variant: variant.name, params: params, metric: metric, samples: spread.map { $0 * median },
                        rounds: spread.indices.map { $0 / 2 })
                }
            }
        }
        return BenchMeasurement(series: series, stoppedBy: .samples, startedAt: Date(), seconds: 0.01)
    }

    package func run(_ probe: ProbeDirective, essayFolder: URL) throws -> [ProbeResult] {
        measured.append(probe.id)
        try crashIfAsked(probe.id, at: probe.location)
        return probe.tools.flatMap { tool in
            probe.snippets.map { snippet in
                let works = !failing.contains("\(tool.name)/\(snippet.name)")
                return ProbeResult(
                    tool: tool.name, snippet: snippet.name, works: works,
                    firstError: works ? nil : "NameError: it fails", exitStatus: 0, seconds: 0.01)
            }
        }
    }

    /// This machine, without asking any Python or Swift for its version.
    package func environment(needsSwift: Bool) -> MachineEnvironment {
        MachineEnvironment.current(python: nil, needsSwift: false)
    }

    private func crashIfAsked(_ id: String, at location: SourceLocation) throws {
        guard crashing.contains(id) else { return }
        throw EvidentError(.experiment, at: location, "the experiment of `\(id)` crashed", fix: "nothing: a test")
    }
}
