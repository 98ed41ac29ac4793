import EvidentCore
import Foundation

/// The `measure` step: runs the scheduled directives one at a time (never in parallel with each other, so they do
/// not disturb each other's timings) and makes their new records, each staged beside its stored file as soon as it
/// is made (`StagedEvidence`); the build puts them in place only once every other step has succeeded.
struct EvidenceMeasuring {
    var measurer: Measurer
    var log: Log

    /// The new record of every entry planned for measuring, by entry index.
    func run(_ plan: EvidencePlan, staging: StagedEvidence) throws -> [Int: EvidenceRecord] {
        let scheduled = plan.entries.indices.filter { plan.entries[$0].action == .measure }
        guard !scheduled.isEmpty else { return [:] }
        var records: [Int: EvidenceRecord] = [:]
        for index in scheduled {
            let entry = plan.entries[index]
            let folder = entry.essay.folder
            log.info("measuring \(entry.id) (\(entry.directive.location))")
            switch entry.directive.definition {
            case .bench(let bench):
                let measurement = try measurer.measure(bench, essayFolder: folder, log: log)
                records[index] = EvidenceRecord.make(
                    bench: bench, claims: entry.directive.benchClaims, measurement: measurement, key: entry.key,
                    environment: measurer.environment(for: entry.directive.definition, essayFolder: folder),
                    previous: entry.stored)
            case .probe(let probe):
                let started = Date()
                let clock = ContinuousClock.now
                let results = try measurer.run(probe, essayFolder: folder)
                records[index] = EvidenceRecord.make(
                    probe: probe, claims: entry.directive.probeClaims, results: results, key: entry.key,
                    environment: measurer.environment(for: entry.directive.definition, essayFolder: folder),
                    startedAt: started,
                    seconds: (ContinuousClock.now - clock).seconds, previous: entry.stored)
            }
            try staging.stage(records[index]!, in: entry.store)
        }
        return records
    }
}
