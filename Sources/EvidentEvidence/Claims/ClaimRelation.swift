extension Claim.Relation {
    /// Judges one confidence interval of A/B: `holds` when all of it satisfies the relation, `contradicted` when
    /// none of it does, `inconclusive` when it straddles the bound.
    func verdict(for ci: ClosedRange<Double>) -> Verdict {
        let (satisfied, violated): (Bool, Bool)
        switch self {
        case .within(let percent):
            let (lower, upper) = (1 - percent / 100, 1 + percent / 100)
            satisfied = ci.lowerBound >= lower && ci.upperBound <= upper
            violated = ci.upperBound < lower || ci.lowerBound > upper
        case .lower(nil):
            satisfied = ci.upperBound < 1
            violated = ci.lowerBound >= 1
        case .lower(let factor?):  // B/A ≥ K, and B/A runs over [1/upper, 1/lower]
            let speedup = RatioEstimate(ratio: 1, ci: ci).reciprocal.ci
            satisfied = speedup.lowerBound >= factor
            violated = speedup.upperBound < factor
        case .higher(nil):
            satisfied = ci.lowerBound > 1
            violated = ci.upperBound <= 1
        case .higher(let factor?):
            satisfied = ci.lowerBound >= factor
            violated = ci.upperBound < factor
        }
        return satisfied ? .holds : violated ? .contradicted : .inconclusive
    }

    /// How far the least favourable end of `ci` lies inside the relation's bound, relative to the bound: positive
    /// when it satisfies it, negative when it does not. The cell with the smallest margin is the one that decides.
    func margin(for ci: ClosedRange<Double>) -> Double {
        switch self {
        case .within(let percent):
            let (lower, upper) = (1 - percent / 100, 1 + percent / 100)
            let aboveLower = lower > 0 ? (ci.lowerBound - lower) / lower : .infinity
            return min(aboveLower, (upper - ci.upperBound) / upper)
        case .lower(let factor):
            let bound = 1 / (factor ?? 1)
            return (bound - ci.upperBound) / bound
        case .higher(let factor):
            let bound = factor ?? 1
            return (ci.lowerBound - bound) / bound
        }
    }
}
