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
    /// The machine as the record of `directive` names it, with the versions of what its experiments ran with.
    func environment(for directive: Directive, essayFolder: URL) -> MachineEnvironment
}

extension Measurer {
    /// The machine, with the Swift version when an experiment of `directive` is Swift.
    package func environment(for directive: Directive, essayFolder: URL) -> MachineEnvironment {
        guard case .bench(let bench) = directive else { return environment(needsSwift: false) }
        return environment(needsSwift: bench.experiments.contains { $0.hasSuffix(".swift") })
    }
}

/// The measurer of a real build: experiments run as processes with the site's Python (resolved to its real
/// executable when the first directive runs), the bundled helpers and the compiled Swift experiments kept in the
/// site's cache, which are written out at the same moment.
final class ExperimentMeasurer: Measurer {
    private let cacheFolder: URL
    private let configuredPython: String
    private let log: Log
    private var python: PythonExecutable?
    private var toolchain: ExperimentToolchain?

    init(cacheFolder: URL, python: String, log: Log) {
        self.cacheFolder = cacheFolder
        self.configuredPython = python
        self.log = log
    }

    /// Measures `bench`; Python start-ups that took a noticeable share of its budget are reported, as a warning
    /// when the budget stopped it (they cost samples), else as information.
    func measure(_ bench: BenchDirective, essayFolder: URL, log: Log) throws -> BenchMeasurement {
        let toolchain = try readyToolchain()
        let measurement = try BenchMeasurer().measure(bench, essayFolder: essayFolder, toolchain: toolchain, log: log)
        if let note = python?.startupNote(processes: measurement.pythonProcesses, of: bench) {
            measurement.stoppedBy == .budget ? log.warning(note) : log.info(note)
        }
        return measurement
    }

    func run(_ probe: ProbeDirective, essayFolder: URL) throws -> [ProbeResult] {
        try ProbeRunner().run(probe, essayFolder: essayFolder, toolchain: try readyToolchain())
    }

    /// The machine, naming the interpreter experiments run (the configured one until something has run).
    func environment(needsSwift: Bool) -> MachineEnvironment {
        MachineEnvironment.current(python: python?.path ?? configuredPython, needsSwift: needsSwift)
    }

    /// The machine, plus the versions of Node.js (for a JavaScript experiment) and of the packages the Python
    /// experiments import or the probe's tools start (`PackageVersions`).
    func environment(for directive: Directive, essayFolder: URL) -> MachineEnvironment {
        let python = python?.path ?? configuredPython
        switch directive {
        case .bench(let bench):
            var machine = environment(needsSwift: bench.experiments.contains { $0.hasSuffix(".swift") })
            if bench.experiments.contains(where: { $0.hasSuffix(".js") || $0.hasSuffix(".mjs") }) {
                machine.node = ToolVersion.node()
            }
            let modules = ExperimentSources.externalPythonModules(of: bench.experiments, essayFolder: essayFolder)
            machine.packages = PackageVersions.find(modules: modules, scripts: [], python: python)
            return machine
        case .probe(let probe):
            var machine = environment(needsSwift: false)
            let scripts = PackageVersions.scripts(ofTools: probe.tools.map(\.command))
            machine.packages = PackageVersions.find(modules: [], scripts: scripts, python: python)
            return machine
        }
    }

    private func readyToolchain() throws -> ExperimentToolchain {
        if let toolchain { return toolchain }
        let python = PythonExecutable.resolve(configuredPython)
        if let note = python.launcherNote { log.info(note) }
        self.python = python
        let helpers = try BundledHelpers.folder(cache: cacheFolder)
        let compiler = SwiftExperimentCompiler(
            cacheDirectory: cacheFolder.appendingPathComponent("swift").path,
            bundledHelper: helpers.appendingPathComponent(BundledHelpers.swift).path,
            hash: { ContentHash.hexDigest(of: $0) })
        let made = ExperimentToolchain(python: python.path, helpers: helpers.path, swiftCompiler: compiler)
        toolchain = made
        return made
    }
}
