import EvidentTestSupport
import Foundation
import FoundationXML
import XCTest

/// `Tests/Fixtures/hostile/` puts `<script>`, quotes, `&` and `</textarea>` in every field that accepts them (site
/// and essay front matter, prose, directive titles, captions, parameter values, probe tools, snippets, claims, error
/// lines and experiment output). Every page parsed by a tolerant HTML parser has no element or event attribute that
/// came from them; the feed and sitemap are well-formed XML; the fields that refuse them say so.
final class HostileContentTests: XCTestCase {
    /// Prints one line per start tag: the tag name, then its attribute names and values, tab-separated.
    private static let tagLister = """
        import sys
        from html.parser import HTMLParser

        class Tags(HTMLParser):
            def handle_starttag(self, tag, attrs):
                print("\\t".join([tag] + [f"{name}={value or ''}" for name, value in attrs]))

        parser = Tags(convert_charrefs=True)
        parser.feed(open(sys.argv[1], encoding="utf-8").read())
        parser.close()
        """

    func testHostileStringsNeverBecomeMarkup() throws {
        let site = try makeSite("hostile")
        let build = try EvidentCLI.run(["build", "--site", site.folder.path, "--frozen", "--strict", "--quiet"])
        XCTAssertEqual(build.status, 0, build.stderr)

        let pages = site.snapshot("public").keys.filter { $0.hasSuffix(".html") }.sorted()
        // The published experiment sources are pages too, whose text is the hostile experiments', and so is the
        // page on how evidence is measured, in the site's own (hostile) template, and the pages of the hostile tags.
        XCTAssertEqual(
            pages,
            [
                "404.html", "evidence-method/index.html", "hostile/experiments/fails.py.html",
                "hostile/experiments/hostile.py.html",
                "hostile/experiments/works.py.html", "hostile/index.html", "index.html", "tags/a-b/index.html",
                "tags/index.html", "tags/onmouseover-alert-1/index.html", "tags/script-alert-1-script/index.html",
                "tags/textarea/index.html",
            ])
        for page in pages {
            let tags = try startTags(site.output.appendingPathComponent(page))
            XCTAssertGreaterThan(tags.count, 10, page)
            for tag in tags {
                let fields = tag.split(separator: "\t", omittingEmptySubsequences: false)
                XCTAssertFalse(["script", "textarea", "iframe", "img"].contains(fields[0]), "\(page): \(tag)")
                for attribute in fields.dropFirst() {
                    let name = attribute.prefix { $0 != "=" }.lowercased()
                    let value = attribute.drop { $0 != "=" }.dropFirst().lowercased()
                    XCTAssertFalse(name.hasPrefix("on"), "\(page): an event attribute in \(tag)")
                    XCTAssertFalse(value.hasPrefix("javascript:"), "\(page): \(tag)")
                    XCTAssertFalse(name.contains("\""), "\(page): a quote broke out of an attribute in \(tag)")
                }
            }
        }
        let essay = try site.read("public/hostile/index.html")
        XCTAssertTrue(essay.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the strings are shown, escaped")
        XCTAssertTrue(essay.contains("&lt;/textarea&gt;"))
        XCTAssertTrue(essay.contains("ValueError: &lt;script&gt;"), "the probe's error line is shown, escaped")
        XCTAssertTrue(essay.contains("s=&lt;/textarea&gt;&quot;&#39;"), "the parameter value is shown, escaped")
        for xml in ["feed.xml", "sitemap.xml"] {
            let parser = XMLParser(data: try Data(contentsOf: site.output.appendingPathComponent(xml)))
            XCTAssertTrue(parser.parse(), "\(xml): \(String(describing: parser.parserError))")
        }
    }

    func testFieldsThatRefuseHostileStringsSaySo() throws {
        let refusals = [
            (
                "variants: [a, b]", #"variants: [a, "<script>alert(1)</script>"]"#,
                "content/hostile/index.md:25: bad variant name `<script>alert(1)</script>` — use letters, digits, "
                    + "`_` and `-` only; claims and inline references cite it by name"
            ),
            (
                "samples: 3", "metric: \"<script>\"\nsamples: 3",
                "content/hostile/index.md:28: bad metric name `<script>` — write it as the experiment prints it, "
                    + "like `wall_ns`"
            ),
            (
                #"  s: ["<i>&""#, #"  "<p>": ["<i>&""#,
                "content/hostile/index.md:27: bad parameter name `<p>` — use letters, digits, `_` and `-` only; "
                    + "claims and inline references cite it by name"
            ),
            (
                "id: hostile-bench", #"id: "<script>""#,
                "content/hostile/index.md:21: bad id `<script>`: ids are lower-case letters, digits and dashes — "
                    + "use something like `script`"
            ),
        ]
        let site = try makeSite("hostile")
        let essay = try site.read("content/hostile/index.md")
        for (field, hostile, message) in refusals {
            try site.write("content/hostile/index.md", essay.replacingOccurrences(of: field, with: hostile))
            let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--frozen", "--quiet"])
            XCTAssertEqual(result.status, 1, field)
            XCTAssertEqual(result.stderr.trimmingCharacters(in: .newlines), "error: \(message)")
        }
    }

    private func startTags(_ page: URL) throws -> [String] {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("evident-tags-\(UUID()).py")
        try Self.tagLister.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, page.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "html.parser failed on \(page.lastPathComponent)")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
