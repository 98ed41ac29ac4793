import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentSite

/// Nothing an author names overwrites a page evident generates, and no two things are published at one path:
/// each collision is refused by name, before anything is published.
final class OutputCollisionTests: XCTestCase {
    private let measurer = InMemoryMeasurer(medians: ["short": 20e6, "long": 40e6, "one": 1e6, "two": 2e6])

    private func build(_ site: FixtureSite) throws {
        _ = try SiteBuild(
            options: BuildOptions(siteFolder: site.folder), log: .silent, measurer: measurer,
            highlighter: PlainHighlighter()
        ).run()
    }

    func testAnEssayCannotTakeTheMethodPagesSlug() throws {
        let site = try makeSite("sites/evidence")
        try site.write("content/evidence-method/index.md", "---\ntitle: Mine\ndate: 2026-01-02\n---\nText.\n")
        XCTAssertThrowsError(try build(site)) {
            XCTAssertEqual(($0 as? EvidentError)?.location?.file, "content/evidence-method/", "\($0)")
            XCTAssertTrue("\($0)".contains("is a folder evident generates"), "\($0)")
        }
        XCTAssertFalse(site.exists("public"))
    }

    func testASnippetCannotTakeThePageOrAnEvidenceFileOfItsEssay() throws {
        for (snippet, owner) in [("index.html", "the essay's page"), ("spins.json", "the evidence file `spins.json`")] {
            let site = try makeSite("sites/evidence")
            try site.write("content/sleeps/\(snippet)", "print('PROBE-OK')\n")
            let essay = try site.read("content/sleeps/index.md")
            try site.write(
                "content/sleeps/index.md",
                essay + "\n```probe\nid: tools\ntitle: Tools\ntools:\n  sh: sh\nsnippets:\n  s: \(snippet)\n```\n")
            XCTAssertThrowsError(try build(site)) {
                XCTAssertTrue(
                    "\($0)".contains(
                        "the source `\(snippet)` would be published at `sleeps/\(snippet)`, which \(owner)"),
                    "\($0)")
            }
            XCTAssertFalse(site.exists("public"), snippet)
        }
    }
}
