import Foundation

extension EvidenceRecord {
    /// The record of one run of `probe`: its works / fails matrix in `probe`, metric `works`, no baseline, cells or
    /// ratios; the claims judged from `results`, and `previous` as for a bench.
    static func make(
        probe: ProbeDirective, claims: [ProbeClaim], results: [ProbeResult], key: String,
        environment: MachineEnvironment, startedAt: Date, seconds: Double, previous: EvidenceRecord?
    ) -> EvidenceRecord {
        var record = EvidenceRecord(
            id: probe.id, kind: .probe, key: key, measuredAt: wholeSeconds(startedAt), durationS: seconds,
            environment: environment, metric: "works", baseline: "",
            stoppedBy: .samples, cells: [], ratios: [], moreMetrics: [], claims: [],
            probe: results, previous: previous.map(PreviousMeasurement.init))
        record.claims = record.evaluate(claims)
        return record
    }
}
