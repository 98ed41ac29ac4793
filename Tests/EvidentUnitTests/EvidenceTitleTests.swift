import XCTest

@testable import EvidentCore
@testable import EvidentRendering

/// An evidence block's title sits one level below the heading the block is under, whatever the essay's outline.
final class EvidenceTitleTests: XCTestCase {
    private let block = #"<section class="evidence"><h3 class="evidence-title">Sleeps</h3><p>a</p><h3>x</h3></section>"#

    func testABlockBeforeAnyHeadingHasAnH2AndOneUnderAnH3HasAnH4() {
        XCTAssertEqual(
            EvidenceTitle.heading(block, under: 1),
            #"<section class="evidence"><h2 class="evidence-title">Sleeps</h2><p>a</p><h3>x</h3></section>"#)
        XCTAssertEqual(EvidenceTitle.heading(block, under: 2), block)
        XCTAssertTrue(EvidenceTitle.heading(block, under: 3).contains(#"<h4 class="evidence-title">Sleeps</h4><p>"#))
        XCTAssertTrue(EvidenceTitle.heading(block, under: 6).contains(#"<h6 class="evidence-title">Sleeps</h6><p>"#))
    }

    func testAThemeWithoutTheTitleIsLeftAsItIs() {
        XCTAssertEqual(EvidenceTitle.heading("<div>custom</div>", under: 1), "<div>custom</div>")
    }

    func testTheRendererPassesTheLevelOfTheHeadingABlockIsUnder() throws {
        var levels: [Int] = []
        let markdown = "Intro.\n\n```x\n```\n\n## Two\n\n```x\n```\n\n### Three\n\n```x\n```\n"
        _ = try MarkdownRenderer(codeBlock: { _, _, _, level in
            levels.append(level)
            return nil
        }).render(MarkdownDocument(parsing: markdown))
        XCTAssertEqual(levels, [1, 2, 3])
    }
}
