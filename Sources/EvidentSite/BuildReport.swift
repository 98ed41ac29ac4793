import EvidentCore
import EvidentEvidence
import EvidentRendering
import Foundation

/// What a build did, for the closing summary line.
package struct BuildReport: Sendable {
    var pages: Int
    /// Essays marked `draft: true` that the build left out (without `--drafts`).
    var draftsSkipped: Int
    var directivesReused: Int
    var directivesMeasured: Int
    var staleDirectives: Int
    package var claims: ClaimTally
    /// Cells that moved beyond their intervals since their previous measurement on the same kind of machine.
    var movedCells = 0
    /// Claims whose verdict differs from their previous measurement's.
    var unstableClaims = 0
    /// Claims that rest on a cell implausibly fast for its declared work: they compare against nothing.
    package var implausibleClaims = 0
    /// Each contradicted claim, in essay and document order.
    package var contradictions: [ContradictedClaim]
    /// Stored evidence files no directive uses any more (`content/<slug>/evidence/<id>.json`).
    package var orphanEvidence: [String]
    var seconds: Double
    var output: URL

    /// `built 3 pages: 7 directives (6 reused, 1 measured); claims 12 held, 0 contradicted, 1 inconclusive; 0.05 s`,
    /// with "; 2 cells moved beyond their intervals, 1 claim unstable" after the claims when there are any,
    /// with "(1 draft skipped: `--drafts` includes it)" after the pages when the build left drafts out (worded for
    /// `build`, `serve` and `check` alike, which all take `--drafts`).
    /// ` (1 draft skipped: `--drafts` includes it)`, or nothing when no draft was left out.
    var draftsNote: String {
        switch draftsSkipped {
        case 0: return ""
        case 1: return " (1 draft skipped: `--drafts` includes it)"
        default: return " (\(draftsSkipped) drafts skipped: `--drafts` includes them)"
        }
    }

    package var summary: String {
        let directives = directivesReused + directivesMeasured + staleDirectives
        var text = "built \(pages) page\(pages == 1 ? "" : "s")\(draftsNote)"
        if directives > 0 {
            text += ": \(directives) directive\(directives == 1 ? "" : "s") (\(directivesReused) reused, "
            text += "\(directivesMeasured) measured\(staleDirectives > 0 ? ", \(staleDirectives) stale" : ""))"
            text += "; claims \(claims.held) held, \(claims.contradicted) contradicted, "
            text += "\(claims.inconclusive) inconclusive"
            text += stability
        }
        return text + String(format: "; %.2f s → %@", seconds, output.path)
    }

    /// The error `--strict` and `check` fail with when a claim rests on work that may have been optimized away.
    package var implausibleError: EvidentError? {
        guard implausibleClaims > 0 else { return nil }
        return EvidentError(
            .contradicted, "\(implausibleClaims) claim(s) rest on cells implausibly fast for their declared work",
            fix: "keep the result alive (blackHole in the helpers) so that the optimizer cannot remove the work, "
                + "then re-measure; the page marks the cells")
    }

    /// "; 2 cells moved beyond their intervals, 1 claim unstable", and the claims that rest on work that may have
    /// been optimized away, or empty when there is nothing to say.
    private var stability: String {
        var parts: [String] = []
        if movedCells > 0 {
            parts.append(
                movedCells == 1
                    ? "1 cell moved beyond its interval" : "\(movedCells) cells moved beyond their intervals")
        }
        if unstableClaims > 0 { parts.append("\(unstableClaims) claim\(unstableClaims == 1 ? "" : "s") unstable") }
        if implausibleClaims > 0 {
            parts.append(
                "\(implausibleClaims) claim\(implausibleClaims == 1 ? " rests" : "s rest") on work that may have been "
                    + "optimized away")
        }
        return parts.isEmpty ? "" : "; " + parts.joined(separator: ", ")
    }
}
