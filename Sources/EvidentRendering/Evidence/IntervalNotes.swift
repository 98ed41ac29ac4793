import EvidentCore
import EvidentEvidence
import Foundation

/// What a reader should know about what a bench's intervals cover: evidence stored before intervals came from
/// processes (within-run only), how many earlier runs widened them by the drift between runs, cells measured by
/// too few processes for their interval to hold a rerun, and cells that moved beyond their intervals since the
/// previous measurement on the same kind of machine.
enum IntervalNotes {
    static func notes(bench: BenchDirective, record: EvidenceRecord) -> [MeasurementNote] {
        let name = { (cell: EvidenceCell) in MeasurementNotes.cellName(cell, bench: bench) }
        var notes: [MeasurementNote] = []
        if record.cells.contains(where: { $0.summary.processes == nil }) {
            notes.append(
                MeasurementNote(
                    kind: .interval,
                    text:
                        "these intervals cover the sampling within one run only (measured before evident kept which process "
                        + "took each sample): a rerun may fall outside them; `evident build --refresh \(bench.id)` "
                        + "measures intervals over processes"))
        } else if let runs = record.cells.map(\.earlier.count).max() {
            notes.append(MeasurementNote(kind: .interval, text: driftText(earlierRuns: runs)))
        }
        let fewest = ProcessInterval.fewestProcesses
        for cell in record.cells {
            guard let processes = cell.summary.processes, processes < fewest else { continue }
            notes.append(
                MeasurementNote(
                    kind: .interval,
                    text: "\(name(cell)): only \(processes) process\(processes == 1 ? "" : "es") took its samples; "
                        + "its interval needs at least \(fewest) to cover a rerun"))
        }
        if let since = record.previous.map({ PublicationDate.day($0.measuredAt) }) {
            for cell in record.movedCells() {
                notes.append(
                    MeasurementNote(
                        kind: .moved,
                        text: "\(name(cell)): moved beyond its interval since \(since): the machine or the code changed"
                    ))
            }
        }
        return notes
    }

    /// What the intervals say about a rerun, from how many earlier runs of the same code they were widened by.
    private static func driftText(earlierRuns runs: Int) -> String {
        guard runs > 0 else {
            return "no earlier run of this code on this kind of machine was kept, so these intervals cover the "
                + "processes of this run only: a rerun may fall outside them until the next refresh measures the drift"
        }
        return "these intervals include the drift between this run and the \(runs == 1 ? "" : "\(runs) ")earlier "
            + "run\(runs == 1 ? "" : "s") of the same code on this kind of machine"
    }
}
