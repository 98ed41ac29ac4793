/// Counts of claim verdicts across the site.
public struct ClaimTally: Sendable, Equatable {
    public var held = 0
    public var contradicted = 0
    public var inconclusive = 0

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
