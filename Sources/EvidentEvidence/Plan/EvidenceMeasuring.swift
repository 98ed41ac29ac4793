import EvidentCore
import Foundation

/// The `measure` step: runs the scheduled directives one at a time (never in parallel with each other, so they do
/// not disturb each other's timings) and makes their new records. Nothing is stored here.
struct EvidenceMeasuring {
    var options: BuildOptions
    var python: String
    var log: Log

    /// The new record of every entry planned for measuring, by entry index.
    func run(_ plan: EvidencePlan) throws -> [Int: EvidenceRecord] {
        let scheduled = plan.entries.indices.filter { plan.entries[$0].action == .measure }
        guard !scheduled.isEmpty else { return [:] }
        let toolchain = try makeToolchain()
        var records: [Int: EvidenceRecord] = [:]
        for index in scheduled {
            let entry = plan.entries[index]
            let folder = entry.essay.essay.essay.folder
            log.info("measuring \(entry.id) (\(entry.directive.directive.location))")
            switch entry.directive.directive {
            case .bench(let bench):
                let needsSwift = bench.experiments.contains { $0.hasSuffix(".swift") }
                let environment = MachineEnvironment.current(python: python, needsSwift: needsSwift)
                let measurement = try BenchMeasurer().measure(
                    bench, essayFolder: folder, toolchain: toolchain, log: log)
                records[index] = EvidenceRecord.make(
                    bench: bench, claims: entry.directive.benchClaims, measurement: measurement, key: entry.key,
                    environment: environment, previous: entry.stored)
            case .probe(let probe):
                let started = Date()
                let clock = ContinuousClock.now
                let results = try ProbeRunner().run(probe, essayFolder: folder, toolchain: toolchain)
                records[index] = EvidenceRecord.make(
                    probe: probe, claims: entry.directive.probeClaims, results: results, key: entry.key,
                    environment: MachineEnvironment.current(python: python, needsSwift: false), startedAt: started,
                    seconds: (ContinuousClock.now - clock).seconds, previous: entry.stored)
            }
        }
        return records
    }

    private func makeToolchain() throws -> ExperimentToolchain {
        let helpers = try BundledHelpers.folder(cache: options.cacheFolder)
        let compiler = SwiftExperimentCompiler(
            cacheDirectory: options.cacheFolder.appendingPathComponent("swift").path,
            bundledHelper: helpers.appendingPathComponent(BundledHelpers.swift).path,
            hash: { SHA256.hexDigest(of: $0) })
        return ExperimentToolchain(python: python, pythonHelpers: helpers.path, swiftCompiler: compiler)
    }
}
