import EvidentEvidence

/// One thing a reader may want to know about how a bench was measured, before trusting a number: a cell with
/// many outliers, an interval wider than the precision asked for, a measurement stopped early. A note is general,
/// or tied to the claim it bears on (a note about a cell that decided a claim the evidence does not settle), which
/// it then stands beside.
/// New kinds of notes are new cases of `Kind` made by new functions; the page shows them all the same way.
struct MeasurementNote: Equatable {
    /// What the note is about; its raw value is the class the page gives it.
    enum Kind: String {
        case outliers, precision, budget
        /// What an interval covers: within one run only (old evidence), or too few processes for a rerun.
        case interval
        /// A cell whose median moved beyond its interval since the previous measurement.
        case moved
        /// The machine ran the same code at two speeds (`TwoSpeeds`).
        case machine
        /// A cell implausibly fast for the work its directive declares (`Plausibility`).
        case implausible

        /// Whether a general note of this kind stays in view instead of being folded with the others.
        var standsOut: Bool { self == .moved || self == .machine || self == .implausible }
    }

    var kind: Kind
    var text: String
    /// The index of the claim it bears on, in the directive's order; nil for a general note.
    var claim: Int?
}

/// The measurement notes of a bench: per cell and metric, outliers beyond a tenth of the samples, too few samples
/// for an interval, and an interval wider than the precision asked for (only under `samples: auto`); and whether
/// the budget or the sample cap stopped the measurement.
enum MeasurementNotes {
    /// The share of outliers in a cell above which a note is shown.
    static let outlierShare = 0.10

    /// - Parameter claims: the directive's claims, in order, to tie notes about a deciding cell to.
    static func notes(
        bench: BenchDirective, record: EvidenceRecord, claims: [Claim], judged: [EvidenceClaim]
    ) -> [MeasurementNote] {
        var notes: [MeasurementNote] = []
        let presentations = MetricPresentation.all(bench)
        for metric in bench.metrics {
            let label = bench.metrics.count > 1 ? " (\(presentations[metric]?.label ?? metric))" : ""
            for cell in record.evidence(for: metric)?.cells ?? [] {
                let tied = claimIndex(cell, metric: metric, claims: claims, judged: judged)
                let name = cellName(cell, bench: bench) + label
                notes += cellNotes(cell.summary, name: name, bench: bench).map {
                    MeasurementNote(kind: $0.kind, text: $0.text, claim: tied)
                }
            }
        }
        if let stopped = stopNote(bench: bench, record: record) { notes.append(stopped) }
        if let machine = machineNote(bench: bench, record: record) { notes.append(machine) }
        return notes + implausibleNotes(bench: bench, record: record, claims: claims)
    }

    /// A note per cell implausibly fast for its declared work, and one beside each claim that rests on one.
    private static func implausibleNotes(bench: BenchDirective, record: EvidenceRecord, claims: [Claim])
        -> [MeasurementNote]
    {
        let problems = record.implausibleCells(bench)
        guard !problems.isEmpty else { return [] }
        var notes = record.cells.compactMap { cell in
            problems[cell.key].map {
                MeasurementNote(kind: .implausible, text: "\(cellName(cell, bench: bench)): \($0)")
            }
        }
        for (index, claim) in claims.enumerated() where claim.restsOn(Set(problems.keys), metric: record.metric) {
            notes.append(
                MeasurementNote(
                    kind: .implausible,
                    text: "rests on a cell whose work may have been optimized away: it compares against nothing",
                    claim: index))
        }
        return notes
    }

    /// The note of a measurement whose processes ran at two speeds: what moves, what does not, what would help.
    private static func machineNote(bench: BenchDirective, record: EvidenceRecord) -> MeasurementNote? {
        guard let (cell, speeds) = record.twoSpeeds() else { return nil }
        let scale = MetricPresentation(bench.metricDescriptions[0]).scale
        let spared = record.ratios.contains { $0.estimate.pairs != nil }
        return MeasurementNote(
            kind: .machine,
            text: "timings on this machine switch between about \(MetricFormat.value(speeds.fast, scale: scale)) and "
                + "\(MetricFormat.value(speeds.slow, scale: scale)) (the processes of \(cellName(cell, bench: bench)))"
                + ": absolute times move by that much between runs"
                + (spared ? ", while the ratios compare variants sample by sample in one process and are spared" : "")
                + "; a quieter machine, a longer budget or pinning with taskset would help")
    }

    /// A cell as a note names it: `gather at n=100`, or the variant alone when the directive has one cell.
    static func cellName(_ cell: EvidenceCell, bench: BenchDirective) -> String {
        [cell.variant, bench.cellLabel(cell.params.values)].filter { !$0.isEmpty }.joined(separator: " at ")
    }

    /// The notes about one cell's summary.
    private static func cellNotes(_ summary: Summary, name: String, bench: BenchDirective) -> [(
        kind: MeasurementNote.Kind, text: String
    )] {
        var notes: [(kind: MeasurementNote.Kind, text: String)] = []
        if summary.n > 0, Double(summary.outliers) > outlierShare * Double(summary.n) {
            notes.append(
                (
                    .outliers,
                    "\(name): \(summary.outliers) of \(summary.n) samples are outliers (beyond 3 MAD), counted, not dropped"
                ))
        }
        if !summary.ciReachesConfidence {
            notes.append(
                (.precision, "\(name): \(summary.n) samples are too few for a 95 % interval; it shows min to max"))
        } else if bench.asksPrecision, summary.relativeHalfWidth > bench.precision {
            let width = MetricFormat.percent(summary.relativeHalfWidth)
            notes.append(
                (
                    .precision,
                    "\(name): interval ±\(width), wider than the ±\(MetricFormat.percent(bench.precision)) asked for"
                ))
        }
        return notes
    }

    /// The claim a note about `cell` bears on: the first the evidence does not settle (inconclusive or
    /// contradicted) whose verdict was decided in that cell, on that metric, comparing that variant. A claim that
    /// holds over its whole interval is not weakened by a note, which then stays with the others.
    private static func claimIndex(_ cell: EvidenceCell, metric: String, claims: [Claim], judged: [EvidenceClaim])
        -> Int?
    {
        zip(claims, judged).enumerated().first { _, pair in
            let (claim, result) = pair
            return result.verdict != .holds && claim.metric == metric
                && [claim.subject, claim.reference].contains(cell.variant)
                && result.params?.values == cell.params.values
        }?.offset
    }

    /// Why the measurement stopped, when it stopped before it got what was asked.
    private static func stopNote(bench: BenchDirective, record: EvidenceRecord) -> MeasurementNote? {
        let goal =
            bench.asksPrecision
            ? "every cell reached ±\(MetricFormat.percent(bench.precision))" : "every cell had its samples"
        switch record.stoppedBy {
        case .budget:
            return MeasurementNote(
                kind: .budget,
                text: "stopped after the \(MetricFormat.seconds(bench.budget.seconds)) budget, before \(goal)")
        case .maxSamples:
            return MeasurementNote(
                kind: .budget, text: "stopped at \(bench.maxSamples) samples per cell, before \(goal)")
        case .precision, .samples:
            return nil
        }
    }
}
