import EvidentCore
import Foundation

/// The `measure` step: runs the scheduled directives one at a time (never in parallel with each other, so they do
/// not disturb each other's timings) and makes their new records, each staged beside its stored file as soon as it
/// is made (`StagedEvidence`); the build puts them in place only once every other step has succeeded.
struct EvidenceMeasuring {
    var options: BuildOptions
    /// The configured interpreter; resolved to the real executable once, when something is measured.
    var python: String
    var log: Log

    /// The new record of every entry planned for measuring, by entry index.
    func run(_ plan: EvidencePlan, staging: StagedEvidence) throws -> [Int: EvidenceRecord] {
        let scheduled = plan.entries.indices.filter { plan.entries[$0].action == .measure }
        guard !scheduled.isEmpty else { return [:] }
        let python = PythonExecutable.resolve(python)
        if let note = python.launcherNote { log.info(note) }
        let toolchain = try makeToolchain(python: python.path)
        var records: [Int: EvidenceRecord] = [:]
        for index in scheduled {
            let entry = plan.entries[index]
            let folder = entry.essay.essay.essay.folder
            log.info("measuring \(entry.id) (\(entry.directive.directive.location))")
            switch entry.directive.directive {
            case .bench(let bench):
                records[index] = try measure(bench, entry, essayFolder: folder, toolchain: toolchain, python: python)
            case .probe(let probe):
                let started = Date()
                let clock = ContinuousClock.now
                let results = try ProbeRunner().run(probe, essayFolder: folder, toolchain: toolchain)
                records[index] = EvidenceRecord.make(
                    probe: probe, claims: entry.directive.probeClaims, results: results, key: entry.key,
                    environment: MachineEnvironment.current(python: python.path, needsSwift: false),
                    startedAt: started, seconds: (ContinuousClock.now - clock).seconds, previous: entry.stored)
            }
            try staging.stage(records[index]!, in: entry.store)
        }
        return records
    }

    /// Measures a bench and makes its record. Python start-ups that took a noticeable share of its budget are
    /// reported: as a warning when the budget stopped it (they cost samples), else as information.
    private func measure(
        _ bench: BenchDirective, _ entry: EvidencePlan.Entry, essayFolder: URL, toolchain: ExperimentToolchain,
        python: PythonExecutable
    ) throws -> EvidenceRecord {
        let needsSwift = bench.experiments.contains { $0.hasSuffix(".swift") }
        let environment = MachineEnvironment.current(python: python.path, needsSwift: needsSwift)
        let measurement = try BenchMeasurer().measure(bench, essayFolder: essayFolder, toolchain: toolchain, log: log)
        if let note = python.startupNote(processes: measurement.pythonProcesses, of: bench) {
            measurement.stoppedBy == .budget ? log.warning(note) : log.info(note)
        }
        return EvidenceRecord.make(
            bench: bench, claims: entry.directive.benchClaims, measurement: measurement, key: entry.key,
            environment: environment, previous: entry.stored)
    }

    private func makeToolchain(python: String) throws -> ExperimentToolchain {
        let helpers = try BundledHelpers.folder(cache: options.cacheFolder)
        let compiler = SwiftExperimentCompiler(
            cacheDirectory: options.cacheFolder.appendingPathComponent("swift").path,
            bundledHelper: helpers.appendingPathComponent(BundledHelpers.swift).path,
            hash: { SHA256.hexDigest(of: $0) })
        return ExperimentToolchain(python: python, pythonHelpers: helpers.path, swiftCompiler: compiler)
    }
}
