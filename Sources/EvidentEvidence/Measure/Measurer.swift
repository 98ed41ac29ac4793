import EvidentCore
import Foundation

/// Where a build's new evidence comes from. `ExperimentMeasurer` runs the experiments as processes; tests hand the
/// build one that answers from memory, so that what is planned, reused, refreshed, marked stale or refused is
/// checked in milliseconds.
package protocol Measurer {
    /// The samples of every variant, cell and metric of `bench`, whose paths are relative to `essayFolder`.
    func measure(_ bench: BenchDirective, essayFolder: URL, log: Log) throws -> BenchMeasurement
    /// Works or fails, for every snippet of `probe` under every tool: tools in order, then snippets.
    func run(_ probe: ProbeDirective, essayFolder: URL) throws -> [ProbeResult]
    /// The machine that measures, as records name it (with the Swift version when an experiment is Swift).
    func environment(needsSwift: Bool) -> MachineEnvironment
}

/// The measurer of a real build: experiments run as processes with the site's Python, the bundled helpers and the
/// compiled Swift experiments kept in the site's cache, which are written out when the first directive runs.
final class ExperimentMeasurer: Measurer {
    private let cacheFolder: URL
    private let python: String
    private var toolchain: ExperimentToolchain?

    init(cacheFolder: URL, python: String) {
        self.cacheFolder = cacheFolder
        self.python = python
    }

    func measure(_ bench: BenchDirective, essayFolder: URL, log: Log) throws -> BenchMeasurement {
        try BenchMeasurer().measure(bench, essayFolder: essayFolder, toolchain: try readyToolchain(), log: log)
    }

    func run(_ probe: ProbeDirective, essayFolder: URL) throws -> [ProbeResult] {
        try ProbeRunner().run(probe, essayFolder: essayFolder, toolchain: try readyToolchain())
    }

    func environment(needsSwift: Bool) -> MachineEnvironment {
        MachineEnvironment.current(python: python, needsSwift: needsSwift)
    }

    private func readyToolchain() throws -> ExperimentToolchain {
        if let toolchain { return toolchain }
        let helpers = try BundledHelpers.folder(cache: cacheFolder)
        let compiler = SwiftExperimentCompiler(
            cacheDirectory: cacheFolder.appendingPathComponent("swift").path,
            bundledHelper: helpers.appendingPathComponent(BundledHelpers.swift).path,
            hash: { ContentHash.hexDigest(of: $0) })
        let made = ExperimentToolchain(python: python, pythonHelpers: helpers.path, swiftCompiler: compiler)
        toolchain = made
        return made
    }
}
