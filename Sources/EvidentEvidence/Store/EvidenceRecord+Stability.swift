import Foundation

extension EvidenceRecord {
    /// Whether the previous measurement ran on the same kind of machine (the same CPU model and core count), so
    /// that its numbers can be compared with these; false when there is none or its machine was not kept.
    package var previousOnSameMachineKind: Bool {
        previous?.environment?.isSameKind(as: environment) ?? false
    }

    /// The cells (of the first metric) that moved beyond their intervals since the previous measurement on the
    /// same kind of machine: the new median lies outside the previous interval and the previous median outside the
    /// new one, so neither run's interval holds the other's median. Empty when there is nothing to compare with.
    package func movedCells() -> [EvidenceCell] {
        guard previousOnSameMachineKind, let previous else { return [] }
        return cells.filter { cell in
            guard let old = previous.cells.first(where: { $0.key == cell.key })
            else { return false }
            return !old.summary.ci.contains(cell.summary.median) && !cell.summary.ci.contains(old.summary.median)
        }
    }

    /// The verdict the previous measurement gave `claim` when it differs from `claim`'s: the claim is unstable.
    /// Nil when it is the same, or when there is no previous verdict to compare with.
    package func previousVerdict(differingFrom claim: EvidenceClaim) -> Verdict? {
        guard let old = previous?.claims?.first(where: { $0.text == claim.text }), old.verdict != claim.verdict
        else { return nil }
        return old.verdict
    }
}

extension MachineEnvironment {
    /// Whether `other` is the same kind of machine: the same CPU model and core count.
    package func isSameKind(as other: MachineEnvironment) -> Bool {
        cpu == other.cpu && cores == other.cores
    }
}
