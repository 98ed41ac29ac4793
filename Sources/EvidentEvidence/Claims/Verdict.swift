/// What the evidence says about a claim.
package enum Verdict: String, Sendable, Equatable, Codable, CaseIterable {
    /// The whole 95% confidence interval satisfies the claim (for a probe: the outcome is the claimed one).
    case holds
    /// The whole 95% confidence interval violates the claim (for a probe: the outcome is the other one).
    case contradicted
    /// The interval straddles the claim's bound, or a measurement is missing.
    case inconclusive
}
