import EvidentCore
import EvidentEvidence

/// What a reader should know before trusting a bench's numbers: cells with many outliers, intervals wider than
/// the precision asked for, and a measurement stopped before it reached that precision.
enum EvidenceWarnings {
    /// The share of outliers in a cell above which the page warns.
    static let outlierShare = 0.10

    static func lines(bench: BenchDirective, record: EvidenceRecord) -> [String] {
        var lines: [String] = []
        let precision = MetricFormat.percent(bench.precision)
        for cell in record.cells {
            let name = [cell.variant, bench.cellLabel(cell.params.values)].filter { !$0.isEmpty }.joined(
                separator: " at ")
            let summary = cell.summary
            if summary.n > 0, Double(summary.outliers) > outlierShare * Double(summary.n) {
                lines.append(
                    "\(name): \(summary.outliers) of \(summary.n) samples are outliers (beyond 3 MAD); "
                        + "they are counted, not dropped")
            }
            if !summary.ciReachesConfidence {
                lines.append("\(name): \(summary.n) samples are too few for a 95 % interval; it shows min to max")
            } else if summary.relativeHalfWidth > bench.precision {
                lines.append(
                    "\(name): the 95 % interval is ±\(MetricFormat.percent(summary.relativeHalfWidth)), "
                        + "wider than the ±\(precision) asked for")
            }
        }
        switch record.stoppedBy {
        case .budget:
            let budget = MetricFormat.seconds(bench.budget.seconds)
            lines.append("stopped after the \(budget) budget, before every cell reached ±\(precision)")
        case .maxSamples:
            lines.append("stopped at \(bench.maxSamples) samples per cell, before every cell reached ±\(precision)")
        case .precision, .samples:
            break
        }
        return lines
    }
}
