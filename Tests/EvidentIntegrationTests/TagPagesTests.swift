import EvidentTestSupport
import Foundation
import XCTest

/// Tag pages through the real executable: `/tags/` and `/tags/<slug>/` with a feed each, linked from the essays and
/// the index, in the sitemap, overridable like any template, and a clear error for tags that would share a page.
final class TagPagesTests: XCTestCase {
    private func build(_ site: FixtureSite) throws -> EvidentCLI.Run {
        try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
    }

    func testEachTagHasAPageAndAFeedListingItsEssaysNewestFirst() throws {
        let site = try makeSite("sites/bundles")
        let result = try build(site)
        XCTAssertEqual(result.status, 0, result.stderr)
        let async = try site.read("public/tags/async/index.html")
        let figures = try XCTUnwrap(async.range(of: #"href="../../figures/">Figures beside the essay</a>"#))
        let plain = try XCTUnwrap(async.range(of: #"href="../../plain/">A plain essay</a>"#))
        XCTAssertLessThan(figures.lowerBound, plain.lowerBound, "newest first")
        XCTAssertTrue(
            async.contains(
                #"<link rel="alternate" type="application/atom+xml" title="Bundles and tags: async" "#
                    + #"href="https://example.org/blog/tags/async/feed.xml">"#), async)
        // `Python` and `python` are one tag, named as the newest essay writes it; `C++` and `Café` get readable slugs.
        let index = try site.read("public/tags/index.html")
        for (slug, name, count) in [
            ("async", "async", 2), ("c-plus-plus", "C++", 1), ("cafe", "Café", 1),
            ("python", "Python", 2),
        ] {
            XCTAssertTrue(
                index.contains(#"<a class="tag" href="\#(slug)/">\#(name)</a> <span class="count">\#(count) essay"#),
                "\(slug) in \(index)")
            XCTAssertTrue(site.exists("public/tags/\(slug)/feed.xml"), slug)
        }
        let feed = try site.read("public/tags/python/feed.xml")
        XCTAssertTrue(feed.contains("<title>Bundles and tags: Python</title>"), feed)
        XCTAssertTrue(feed.contains(#"<link rel="self" href="https://example.org/blog/tags/python/feed.xml"/>"#))
        XCTAssertEqual(feed.components(separatedBy: "<entry>").count, 3)
        let essay = try site.read("public/figures/index.html")
        XCTAssertTrue(essay.contains(#"<a class="tag" rel="tag" href="../tags/c-plus-plus/">C++</a>"#), essay)
        XCTAssertTrue(
            try site.read("public/index.html").contains(#"<a class="tag" rel="tag" href="tags/cafe/">Café</a>"#))
        let sitemap = try site.read("public/sitemap.xml")
        XCTAssertTrue(sitemap.contains("<url><loc>https://example.org/blog/tags/</loc></url>"), sitemap)
        XCTAssertTrue(
            sitemap.contains("<url><loc>https://example.org/blog/tags/async/</loc><lastmod>2026-03-01</lastmod></url>"))
        let check = try EvidentCLI.run(["check", "--site", site.folder.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testTagTemplatesAreOverridable() throws {
        let site = try makeSite(
            "sites/bundles",
            files: [
                "templates/tag.mustache": "<p>{{tag.name}}:{{#pages}} {{slug}}{{/pages}}</p>\n",
                "templates/tags.mustache": "<ul>{{#tags}}<li>{{slug}}={{count}}</li>{{/tags}}</ul>\n",
            ])
        XCTAssertEqual(try build(site).status, 0)
        XCTAssertEqual(try site.read("public/tags/async/index.html"), "<p>async: figures plain</p>\n")
        XCTAssertEqual(
            try site.read("public/tags/index.html"),
            "<ul><li>async=2</li><li>c-plus-plus=1</li><li>cafe=1</li><li>python=2</li></ul>\n")
    }

    func testTagsThatWouldShareAPageAndATagsEssayAreRefused() throws {
        let site = try makeSite(
            "sites/bundles",
            files: [
                "content/plain/index.md": "---\ntitle: P\ndate: 2026-02-10\ntags: [async, machine-learning]\n---\nx\n"
            ])
        let essay = try site.read("content/figures/index.md")
        try site.write(
            "content/figures/index.md", essay.replacingOccurrences(of: "Café]", with: "Café, Machine Learning]"))
        let shared = try build(site)
        XCTAssertEqual(shared.status, 1)
        XCTAssertEqual(
            shared.stderr,
            "error: content/plain/index.md:4: the tag `machine-learning` and the tag `Machine Learning` of "
                + "content/figures/index.md would share the page tags/machine-learning/ — write the tag the same way "
                + "in both essays, or make the two tags differ in letters or digits\n")
        try site.write("content/plain/index.md", "---\ntitle: P\ndate: 2026-02-10\ntags: [\"!?\"]\n---\nx\n")
        XCTAssertTrue(
            try build(site).stderr.contains(
                "content/plain/index.md:4: the tag `!?` has no letter or digit to name its page"))
        try site.write("content/plain/index.md", "---\ntitle: P\ndate: 2026-02-10\n---\nx\n")
        try site.write("content/tags/index.md", "---\ntitle: T\ndate: 2026-02-10\n---\nx\n")
        XCTAssertTrue(try build(site).stderr.contains("content/tags/: the slug `tags` is a folder evident generates"))
    }
}
