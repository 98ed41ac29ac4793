import EvidentEvidence
import Foundation

/// What a build did, for the closing summary line.
package struct BuildReport: Sendable {
    var pages: Int
    var directivesReused: Int
    var directivesMeasured: Int
    var staleDirectives: Int
    package var claims: ClaimTally
    var seconds: Double
    var output: URL

    /// `built 3 pages: 7 directives (6 reused, 1 measured); claims 12 held, 0 contradicted, 1 inconclusive; 0.05 s`
    package var summary: String {
        let directives = directivesReused + directivesMeasured
        var text = "built \(pages) page\(pages == 1 ? "" : "s")"
        if directives > 0 {
            text += ": \(directives) directive\(directives == 1 ? "" : "s") (\(directivesReused) reused, "
            text += "\(directivesMeasured) measured\(staleDirectives > 0 ? ", \(staleDirectives) stale" : ""))"
            text += "; claims \(claims.held) held, \(claims.contradicted) contradicted, "
            text += "\(claims.inconclusive) inconclusive"
        }
        return text + String(format: "; %.2f s → %@", seconds, output.path)
    }
}
