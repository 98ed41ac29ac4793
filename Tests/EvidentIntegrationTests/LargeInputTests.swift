import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentSite

/// Big and deep essays build, whole pipeline (parse, directives, highlighting, rendering on worker threads,
/// templates, writing, freeing), without a stack overflow and in reasonable time.
final class LargeInputTests: XCTestCase {
    private let depth = 100_000
    /// About 5 MB of sections in `make test-slow`, 1 MB in `make test`.
    private let sections = TestScale.pick(quick: 2_000, slow: 10_000)

    func testAMegabytesLongEssayAndHundredThousandLevelsBuild() throws {
        let site = try makeSite("sites/basic")
        try site.write("content/big/index.md", front("Big") + bigBody())
        try site.write("content/quotes/index.md", front("Quotes") + String(repeating: "> ", count: depth) + "deep\n")
        try site.write("content/items/index.md", front("Items") + String(repeating: "- ", count: depth) + "deep\n")
        try site.write("content/mixed/index.md", front("Mixed") + String(repeating: "> - ", count: depth / 2) + "x\n")
        XCTAssertGreaterThan(try site.read("content/big/index.md").utf8.count, sections * 500)

        let started = Date()
        var report: BuildReport? = try SiteBuild(options: BuildOptions(siteFolder: site.folder), log: .silent).run()
        XCTAssertEqual(report?.pages, 6)
        report = nil
        let seconds = Date().timeIntervalSince(started)
        XCTAssertLessThan(seconds, 30, "built in \(seconds) s")

        let quotes = try site.read("public/quotes/index.html")
        XCTAssertEqual(quotes.components(separatedBy: "<blockquote>").count - 1, depth)
        let items = try site.read("public/items/index.html")
        XCTAssertEqual(items.components(separatedBy: "<li>").count - 1, depth)
        let big = try site.read("public/big/index.html")
        XCTAssertTrue(big.contains(#"id="section-\#(sections - 1)""#), "the last heading has its id")
        XCTAssertTrue(big.contains("The end of the big essay."))
    }

    func testTheCommandLineBuildsDeepEssays() throws {
        let site = try makeSite("sites/basic")
        try site.write("content/quotes/index.md", front("Quotes") + String(repeating: "> ", count: depth) + "deep\n")
        try site.write("content/items/index.md", front("Items") + String(repeating: "1. ", count: depth) + "deep\n")
        let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"], limit: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try site.read("public/items/index.html").components(separatedBy: "<ol>").count - 1, depth)
    }

    private func front(_ title: String) -> String {
        "---\ntitle: \(title)\ndate: 2026-01-02\nsummary: A \(title.lowercased()) essay.\n---\n\n"
    }

    /// Ordinary prose, about 520 bytes a section: a heading, emphasis, links, lists, and a code block in every
    /// hundredth section.
    private func bigBody() -> String {
        var text = ""
        text.reserveCapacity(sections * 530)
        for index in 0..<sections {
            text += "## Section \(index)\n\n"
            text += "A paragraph with *emphasis*, **strength**, `code` and [a link](https://example.org/\(index)). "
            text += String(repeating: "Words that fill the section with ordinary prose. ", count: 8) + "\n\n"
            text += "- one item\n- another item with _emphasis_\n\n> A quoted line.\n\n"
            if index % 100 == 0 { text += "```python\nprint(\(index))\n```\n\n" }
        }
        return text + "The end of the big essay.\n"
    }
}
