/// The verdict on a claim and the numbers that decided it, for the page and the stored evidence.
struct ClaimResult: Sendable, Equatable {
    var verdict: Verdict
    /// The deciding cell: for `holds`, the cell closest to failing; for `contradicted`, the most contradicted cell;
    /// for `inconclusive`, a cell without a measurement if there is one, else the inconclusive cell furthest from
    /// satisfying the claim. Nil only when the claim covers no cell.
    var params: [String: String]?
    /// The deciding cell's ratio A/B and its 95% CI; nil when that cell has no (defined) ratio.
    var ratio: RatioEstimate?
}
