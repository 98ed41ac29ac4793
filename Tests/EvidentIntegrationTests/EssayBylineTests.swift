import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// The line under an essay's title: its date, the day its evidence was measured when that is later, and its author
/// (the essay's own, else the site's).
final class EssayBylineTests: XCTestCase {
    private func byline(frontMatter extra: String) throws -> String {
        let site = try makeSite("sites/evidence")
        try site.write("content/site.yml", "title: Evidence fixture\nauthor: The site's authors\n")
        let essay = try site.read("content/sleeps/index.md")
        try site.write(
            "content/sleeps/index.md",
            essay.replacingOccurrences(of: "date: 2026-02-01\n", with: "date: 2026-02-01\n" + extra))
        _ = try SiteBuild(
            options: BuildOptions(siteFolder: site.folder), log: .silent,
            measurer: InMemoryMeasurer(medians: ["short": 20e6, "long": 40e6, "one": 1e6, "two": 2e6]),
            highlighter: PlainHighlighter()
        ).run()
        let page = try site.read("public/sleeps/index.html")
        let start = try XCTUnwrap(page.range(of: #"<p class="meta">"#))
        return String(page[start.upperBound...].prefix { $0 != "\n" })
    }

    func testAnEssayMeasuredAfterItsDateSaysWhenAndNamesItsOwnAuthor() throws {
        let line = try byline(frontMatter: "author: A guest & friends\n")
        let today = PublicationDate.display(Date())
        XCTAssertTrue(line.contains(" · measured <time datetime=\""), line)
        XCTAssertTrue(line.contains(">\(today)</time>"), line)
        XCTAssertTrue(line.contains(" · A guest &amp; friends"), line)
        XCTAssertFalse(line.contains("The site"), line)
    }

    func testWithoutItsOwnAuthorTheSitesIsShown() throws {
        XCTAssertTrue(try byline(frontMatter: "").contains(" · The site&#39;s authors"))
    }
}
