import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// A claim written in the prose or a caption (`` `?id: a faster than b` ``) is judged like a directive's: it renders
/// with its verdict and numbers, counts in the tally, and a contradicted one fails `--strict`; a caption sentence
/// that compares with nothing checking it is named.
final class InlineClaimTests: InMemoryEvidenceTestCase {
    private let essay = "content/sleeps/index.md"

    private func append(_ text: String) throws {
        try site.write(essay, try site.read(essay) + text)
    }

    func testAnInlineClaimRendersWithItsVerdictAndCounts() throws {
        try append("\nThe long sleep `?sleeps: long slower than short`, and `?sleeps: long faster than short`.\n")
        let report = try build()
        let page = try site.read("public/sleeps/index.html")
        XCTAssertTrue(
            page.contains(
                #"<span class="inline-claim holds">long slower than short <span class="claim-numbers">"#
                    + #"(<span aria-hidden="true">✓ </span>holds: 2.00× slower"#), page)
        XCTAssertTrue(page.contains(#"<span class="inline-claim contradicted">long faster than short"#), page)
        XCTAssertEqual(report.claims.contradicted, 2, "the directive's within-5 % claim and the inline one")
        XCTAssertTrue(
            report.contradictions.contains { $0.text == "long faster than short" && $0.location.line != nil })
    }

    func testAnInlineClaimInACaptionIsJudgedAndABadOneIsAnErrorAtItsLine() throws {
        let text = try site.read(essay)
        try site.write(
            essay,
            text.replacingOccurrences(
                of: "caption: The long variant sleeps 40 ms, the short one 20 ms.",
                with: "caption: \"The long variant is slower (`?sleeps: long slower than short`).\""))
        _ = try build()
        XCTAssertTrue(try site.read("public/sleeps/index.html").contains(#"<span class="inline-claim holds">"#))
        try append("\nA typo: `?sleps: long slower than short`.\n")
        XCTAssertThrowsError(try build()) {
            XCTAssertTrue("\($0)".contains("names no directive `sleps`"), "\($0)")
            XCTAssertTrue("\($0)".contains("did you mean `sleeps`?"), "\($0)")
        }
    }

    func testACaptionSentenceThatComparesWithNothingCheckingItIsNamed() {
        XCTAssertEqual(
            CaptionComparisons.unchecked(
                "Gather is ahead of threads. Threads take `=a.threads.ratio`, slower. The loop runs 2 ms. "
                    + "Both are the same (`?a: b within 5% of c`)."),
            ["Gather is ahead of threads."])
    }
}
