/// Counts of claim verdicts across the site.
package struct ClaimTally: Sendable, Equatable {
    package var held = 0
    package var contradicted = 0
    package var inconclusive = 0

    mutating func add(_ verdicts: [Verdict]) {
        for verdict in verdicts {
            switch verdict {
            case .holds: held += 1
            case .contradicted: contradicted += 1
            case .inconclusive: inconclusive += 1
            }
        }
    }
}
