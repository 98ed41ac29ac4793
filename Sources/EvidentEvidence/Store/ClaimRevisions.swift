import Foundation

/// How a directive's claims differ from the claims registered with its evidence: the evidence keeps the claims as
/// they stood when it was measured, with their verdicts, and a claim edited, added or removed afterwards (while the
/// evidence is reused) is shown as such until a refresh registers the claims anew. Claims are matched by their
/// text; the unmatched ones are paired in order (a claim edited in place is revised), and what is left over was
/// added or removed.
package struct ClaimRevisions: Equatable, Sendable {
    /// What became of a current claim since the evidence was measured.
    package enum Revision: Equatable, Sendable {
        /// Written after the evidence was measured.
        case added
        /// Edited after the evidence was measured: the registered claim it replaced, with its verdict then.
        case revised(from: EvidenceClaim)
    }

    /// For each current claim, in order: nil when it is registered as it stands.
    package var current: [Revision?]
    /// Registered claims that are no longer in the directive, with their verdicts then.
    package var removed: [EvidenceClaim]
    /// When the registered claims were judged: the evidence's measurement.
    package var registeredAt: Date

    /// The revisions of `current` (the claims as the directive has them now, judged) against `registered`.
    package init(registered: [EvidenceClaim], current: [EvidenceClaim], registeredAt: Date) {
        let registeredTexts = Set(registered.map(\.text))
        let currentTexts = Set(current.map(\.text))
        var unmatched = registered.filter { !currentTexts.contains($0.text) }[...]
        self.current = current.map { claim in
            guard !registeredTexts.contains(claim.text) else { return nil }
            guard let replaced = unmatched.popFirst() else { return .added }
            return .revised(from: replaced)
        }
        removed = Array(unmatched)
        self.registeredAt = registeredAt
    }

    /// Whether every claim stands as registered.
    package var isEmpty: Bool { removed.isEmpty && current.allSatisfy { $0 == nil } }
}
