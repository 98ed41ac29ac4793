import EvidentCore

/// A sentence of a `bench` directive's `claims:` comparing two variants, parsed and checked against the
/// directive's names (see `Claim.parse`).
///
/// The grammar, with A and B variant names:
/// - `A within P% of B`: the ratio A/B lies in [1 − P, 1 + P];
/// - `A at least Kx faster than B` (B/A ≥ K), `A at least Kx slower than B` (A/B ≥ K);
/// - `A faster than B` (A/B < 1), `A slower than B` (A/B > 1);
/// - `lower` / `higher` in place of `faster` / `slower` for metrics that are not times;
/// - an optional suffix `at k=v [and k=v]...` restricting the cells, then an optional `on METRIC`.
package struct Claim: Sendable, Equatable {
    /// The sentence as the author wrote it.
    package var text: String
    /// A: the variant the claim is about.
    package var subject: String
    /// B: the variant it is compared with.
    package var reference: String
    var relation: Relation
    /// The `at k=v` restriction; empty when the claim is about every cell.
    var restriction: [String: String]
    /// The metric compared: the one named by `on`, else the directive's first.
    package var metric: String
    /// The cells (parameter values by name) the claim covers: the directive's cells that match `restriction`, in
    /// the order of the cross product with parameter names sorted.
    var cells: [[String: String]]
    package var location: SourceLocation

    /// What a claim says about the ratio A/B.
    enum Relation: Sendable, Equatable {
        /// `within P% of`: A/B lies in [1 − P/100, 1 + P/100].
        case within(percent: Double)
        /// `faster` / `lower`: A/B < 1; with `at least Kx`, B/A ≥ K.
        case lower(atLeast: Double?)
        /// `slower` / `higher`: A/B > 1; with `at least Kx`, A/B ≥ K.
        case higher(atLeast: Double?)
    }

    /// The margin of a `within P%` claim as a fraction (`0.15`), read from its sentence; nil for other claims.
    package static func withinMargin(of text: String) -> Double? {
        let words = text.split(separator: " ")
        guard let index = words.firstIndex(of: "within"), index + 1 < words.count, words[index + 1].hasSuffix("%"),
            let percent = Double(words[index + 1].dropLast()), percent >= 0
        else { return nil }
        return percent / 100
    }
}
