/// Times no machine could measure for the work a bench declares (`work:`): a cell whose median is under a hundredth
/// of a nanosecond per operation (a 4 GHz core doing 16 operations a cycle in its vector units would still take
/// 0.016), or a variant whose time stays flat while the parameter that counts its operations grows twentyfold. Either means the optimizer removed the work (a result nobody reads), and the cell measures an empty
/// loop: its numbers, and any claim that rests on them, compare against nothing.
package enum Plausibility {
    /// The fewest nanoseconds an operation takes on any machine, vector units included.
    static let floorNanoseconds = 0.01
    /// How much the work parameter must grow, and how little the time may, for "flat".
    static let growth = 20.0
    static let flatGrowth = 2.0

    /// Why each implausible cell of `cells` (times in nanoseconds, of the first metric) is so, by cell.
    package static func problems(_ cells: [EvidenceCell], work: WorkDeclaration?, metric: String) -> [CellKey: String] {
        guard let work, metric.hasSuffix("_ns") else { return [:] }
        var problems: [CellKey: String] = [:]
        for cell in cells {
            guard let operations = work.operations(cell.params.values), operations > 0 else { continue }
            let perOperation = cell.summary.median / operations
            if perOperation < floorNanoseconds {
                problems[cell.key] =
                    "\(format(perOperation)) ns per operation (work: \(Int(operations)) per sample), faster than any "
                    + "CPU: the work may have been optimized away"
            }
        }
        guard let parameter = work.parameter else { return problems }
        for (key, reason) in flat(cells, parameter: parameter) where problems[key] == nil { problems[key] = reason }
        return problems
    }

    /// The cells of variants whose median grows less than `flatGrowth`-fold while `parameter` grows
    /// `growth`-fold or more, the other parameters held.
    private static func flat(_ cells: [EvidenceCell], parameter: String) -> [CellKey: String] {
        var groups: [CellKey: [(value: Double, cell: EvidenceCell)]] = [:]
        for cell in cells {
            guard let value = cell.params.values[parameter].flatMap(Double.init), value > 0 else { continue }
            var others = cell.params.values
            others[parameter] = nil
            groups[CellKey(variant: cell.variant, params: CellParams(others)), default: []].append((value, cell))
        }
        var problems: [CellKey: String] = [:]
        for group in groups.values {
            guard let smallest = group.min(by: { $0.value < $1.value }),
                let largest = group.max(by: { $0.value < $1.value }),
                largest.value / smallest.value >= growth, smallest.cell.summary.median > 0,
                largest.cell.summary.median / smallest.cell.summary.median < flatGrowth
            else { continue }
            let reason =
                "the time stays flat (\(format(largest.cell.summary.median / smallest.cell.summary.median))×) while "
                + "\(parameter) grows \(format(largest.value / smallest.value))-fold: the work may have been "
                + "optimized away"
            for member in group { problems[member.cell.key] = reason }
        }
        return problems
    }

    private static func format(_ value: Double) -> String {
        value >= 10 ? String(Int(value.rounded())) : String(format: "%.2g", value)
    }
}
