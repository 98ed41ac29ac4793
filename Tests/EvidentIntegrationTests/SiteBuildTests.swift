import EvidentTestSupport
import Foundation
import FoundationXML
import XCTest

@testable import EvidentCore
@testable import EvidentRendering
@testable import EvidentSite

/// Whole-site builds of the fixture sites, asserting on the files written (Hugo-style integration tests).
final class SiteBuildTests: XCTestCase {
    private func build(_ site: FixtureSite, drafts: Bool = false) throws -> BuildReport {
        var options = BuildOptions(siteFolder: site.folder)
        options.includeDrafts = drafts
        return try SiteBuild(options: options, log: .silent).run()
    }

    func testBasicSiteWritesEveryPage() throws {
        let site = try makeSite("sites/basic")
        let report = try build(site)
        XCTAssertEqual(report.pages, 2)
        for file in [
            "index.html", "first-essay/index.html", "second-essay/index.html", "404.html", "feed.xml", "sitemap.xml",
            "assets/style.css",
        ] {
            XCTAssertTrue(site.exists("public/\(file)"), file)
        }
        XCTAssertFalse(site.exists("public/a-draft/index.html"))
    }

    func testDraftsOnlyWithTheFlag() throws {
        let site = try makeSite("sites/basic")
        XCTAssertEqual(try build(site, drafts: true).pages, 3)
        XCTAssertTrue(site.exists("public/a-draft/index.html"))
    }

    func testIndexListsNewestFirstWithEscapedTitles() throws {
        let site = try makeSite("sites/basic")
        _ = try build(site)
        let index = try site.read("public/index.html")
        let second = try XCTUnwrap(index.range(of: "second-essay/")).lowerBound
        let first = try XCTUnwrap(index.range(of: "first-essay/")).lowerBound
        XCTAssertLessThan(second, first)
        XCTAssertTrue(index.contains("Ünïcode &amp; &lt;angle&gt; &quot;quotes&quot;"))
        XCTAssertFalse(index.contains("<angle>"))
    }

    func testEssayHasHeadingIDsTableOfContentsHighlightingAndNoRawHTML() throws {
        let site = try makeSite("sites/basic")
        _ = try build(site)
        let page = try site.read("public/first-essay/index.html")
        XCTAssertTrue(page.contains(##"<h2 id="one"><a class="anchor" href="#one""##))
        XCTAssertTrue(page.contains(#"<h2 id="two-1">"#))
        XCTAssertTrue(page.contains(#"<nav class="toc""#))
        XCTAssertTrue(page.contains("<!-- raw HTML omitted -->"))
        XCTAssertFalse(page.contains("<script>"))
        XCTAssertTrue(page.contains(#"<pre class="highlight"><code class="language-python"><span"#), page)
        XCTAssertFalse(try site.read("public/second-essay/index.html").contains(#"class="toc""#))
    }

    func testUnsafeHTMLPassesRawHTMLThrough() throws {
        let site = try makeSite("sites/basic")
        try site.write("content/site.yml", try site.read("content/site.yml") + "unsafe_html: true\n")
        _ = try build(site)
        XCTAssertTrue(try site.read("public/first-essay/index.html").contains("<script>alert"))
    }

    func testFeedAndSitemapAreValidXMLWithAbsoluteURLs() throws {
        let site = try makeSite("sites/basic")
        _ = try build(site)
        for file in ["feed.xml", "sitemap.xml"] {
            let data = try XCTUnwrap(
                FileManager.default.contents(atPath: site.output.appendingPathComponent(file).path))
            let parser = XMLParser(data: data)
            XCTAssertTrue(parser.parse(), "\(file): \(String(describing: parser.parserError))")
        }
        let feed = try site.read("public/feed.xml")
        XCTAssertTrue(feed.contains(#"<link href="https://example.org/notes/first-essay/"/>"#))
        // A reader resolves the content's relative links against the essay, not the feed.
        XCTAssertTrue(feed.contains(#"<content type="html" xml:base="https://example.org/notes/first-essay/">"#))
        XCTAssertTrue(
            try site.read("public/sitemap.xml").contains("<loc>https://example.org/notes/second-essay/</loc>"))
    }

    /// A rebuild takes highlighted code from the cache file: with Python gone, known blocks stay highlighted and only
    /// a new block is left plain.
    func testRebuildTakesHighlightingFromTheCacheAndOnlyNewCodeNeedsPygments() throws {
        let site = try makeSite("sites/basic")
        _ = try build(site)
        let highlighted = try site.read("public/first-essay/index.html")
        XCTAssertTrue(site.exists(".evident-cache/highlight.pack"))
        try site.write("content/site.yml", try site.read("content/site.yml") + "python: /bin/false\n")
        _ = try build(site)
        XCTAssertEqual(try site.read("public/first-essay/index.html"), highlighted)
        let essay = "content/second-essay/index.md"
        try site.write(essay, try site.read(essay) + "\n```python\nnew_block = 1\n```\n")
        _ = try build(site)
        let second = try site.read("public/second-essay/index.html")
        XCTAssertTrue(second.contains(#"<pre><code class="language-python">new_block = 1"#), second)
        XCTAssertEqual(try site.read("public/first-essay/index.html"), highlighted)
        // The first essay was rendered while scanning, the second after highlighting: the feed is still newest first.
        let feed = try site.read("public/feed.xml")
        let (newer, older) = (
            try XCTUnwrap(feed.range(of: "/second-essay/")), try XCTUnwrap(feed.range(of: "/first-essay/"))
        )
        XCTAssertLessThan(newer.lowerBound, older.lowerBound)
        XCTAssertTrue(feed.contains("new_block = 1"))
    }

    func testEssayWithoutSummaryLeavesNoEmptyParagraphOrDescription() throws {
        let site = try makeSite("sites/basic")
        try site.write("content/plain/index.md", "---\ntitle: Plain\ndate: 2026-07-01\n---\n\nText.\n")
        _ = try build(site)
        XCTAssertFalse(try site.read("public/index.html").contains("<p></p>"))
        XCTAssertTrue(
            try site.read("public/plain/index.html").contains(#"<meta name="description" content="Fixture site">"#))
    }

    func testFeedCarriesOnlyTheNewestEssaysUpToItsLimit() throws {
        let site = try makeSite("sites/basic")
        _ = try build(site)
        XCTAssertEqual(try site.read("public/feed.xml").components(separatedBy: "<entry>").count - 1, 2)
        let config = try site.read("content/site.yml")
        try site.write("content/site.yml", config + "feed_limit: 1\n")
        _ = try build(site)
        let feed = try site.read("public/feed.xml")
        XCTAssertEqual(feed.components(separatedBy: "<entry>").count - 1, 1)
        XCTAssertTrue(feed.contains("/second-essay/"), feed)
        XCTAssertTrue(feed.hasSuffix("</feed>\n"))
        try site.write("content/site.yml", config + "feed_limit: -2\n")
        XCTAssertThrowsError(try build(site)) { error in
            XCTAssertTrue("\(error)".contains("`feed_limit` in site configuration must be a whole number"), "\(error)")
        }
    }

    func testRebuildIsByteIdentical() throws {
        let site = try makeSite("sites/basic")
        _ = try build(site)
        let first = site.snapshot("public")
        _ = try build(site)
        XCTAssertEqual(site.snapshot("public"), first)
    }

    func testSiteTemplateOverridesOneFileAndKeepsTheRest() throws {
        let site = try makeSite("sites/basic")
        try site.write("templates/partials/footer.mustache", "<footer>custom {{site.title}}</footer>\n")
        _ = try build(site)
        let page = try site.read("public/first-essay/index.html")
        XCTAssertTrue(page.contains("<footer>custom Fixture site</footer>"))
        XCTAssertTrue(page.contains(#"<article class="essay">"#))
    }

    func testInitWritesTheDefaultThemeThatBuilds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SiteScaffold.create(at: folder)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("templates/essay.mustache").path))
        XCTAssertThrowsError(try SiteScaffold.create(at: folder))
        let report = try SiteBuild(options: BuildOptions(siteFolder: folder), log: .silent).run()
        XCTAssertEqual(report.pages, 0)
    }

    func testEmbeddedThemeMatchesTemplatesFolder() throws {
        let folder = FixtureSite.repository.appendingPathComponent("templates")
        var onDisk: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path) ?? .init()
        where path.contains(".") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            onDisk[path] = text.hasSuffix("\n") ? String(text.dropLast()) : text
        }
        XCTAssertEqual(onDisk, DefaultTheme.files, "the EmbedFiles plugin carries templates/ into the binary")
    }
}
