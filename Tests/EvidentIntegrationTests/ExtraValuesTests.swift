import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// `extra:` in front matter and site.yml: the author's own values reach templates as `page.extra` and `site.extra`,
/// escaped like every value; any other unknown key stays an error that points to `extra:`.
final class ExtraValuesTests: XCTestCase {
    private func build(_ site: FixtureSite) throws -> BuildReport {
        try SiteBuild(options: BuildOptions(siteFolder: site.folder), log: .silent).run()
    }

    func testExtraValuesReachTemplatesEscaped() throws {
        let site = try makeSite("sites/basic")
        try site.write(
            "content/site.yml",
            try site.read("content/site.yml") + """
                extra:
                  github: https://example.org/a?b=1&c=2
                  nav:
                    - {title: Home & away, url: /}
                    - {title: "<b>Notes</b>", url: /notes/}
                  beta: true

                """)
        try site.write(
            "content/extra/index.md",
            """
            ---
            title: Extra
            date: 2026-07-01
            extra:
              mood: "<script>x</script>"
              rating: 4.50
              hidden: false
              quoted: "true"
              _comment: a note to myself
            ---

            Text.

            """)
        try site.write(
            "templates/essay.mustache",
            "<p>{{page.extra.mood}}|{{page.extra.rating}}|{{#page.extra.hidden}}shown{{/page.extra.hidden}}|"
                + "{{#page.extra.quoted}}text{{/page.extra.quoted}}|{{page.extra._comment}}|{{site.extra.github}}|"
                + "{{#site.extra.nav}}[{{title}} {{url}}]{{/site.extra.nav}}|{{#site.extra.beta}}beta{{/site.extra.beta}}"
                + "</p>\n")
        try site.write("templates/index.mustache", "{{#pages}}{{slug}}={{extra.rating}};{{/pages}}\n")
        _ = try build(site)
        XCTAssertEqual(
            try site.read("public/extra/index.html"),
            "<p>&lt;script&gt;x&lt;/script&gt;|4.50||text|a note to myself|https://example.org/a?b=1&amp;c=2|"
                + "[Home &amp; away /][&lt;b&gt;Notes&lt;/b&gt; /notes/]|beta</p>\n")
        XCTAssertEqual(try site.read("public/index.html"), "extra=4.50;second-essay=;first-essay=;\n")
    }

    func testUnknownKeysSayToPutThemUnderExtra() throws {
        let site = try makeSite("sites/basic")
        let essay = "content/hugo/index.md"
        try site.write(essay, "---\n_comment: written for Hugo\ntitle: Hugo\ndate: 2026-07-01\n---\n\nText.\n")
        XCTAssertThrowsError(try build(site)) { error in
            XCTAssertEqual(
                String(describing: error),
                "content/hugo/index.md:2: unknown key `_comment` in front matter — use one of the keys: title, date, "
                    + "summary, draft, tags, author, extra; values of your own go under `extra:` (`extra: {_comment: ...}`)"
            )
        }
        try site.write(essay, "---\ntitle: Hugo\ndate: 2026-07-01\nextra: a text\n---\n\nText.\n")
        XCTAssertThrowsError(try build(site)) { error in
            XCTAssertEqual(
                String(describing: error),
                "content/hugo/index.md:4: `extra` in front matter must be a mapping of names to values — write it as "
                    + "`extra:` followed by indented `name: value` lines")
        }
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/hugo"))
        try site.write("content/site.yml", try site.read("content/site.yml") + "github: someone\n")
        let cli = try EvidentCLI.run(["build", "--site", site.folder.path])
        XCTAssertEqual(cli.status, 1)
        XCTAssertTrue(cli.stderr.hasPrefix("error: content/site.yml:5: unknown key `github` in site configuration"))
        XCTAssertTrue(cli.stderr.contains("values of your own go under `extra:` (`extra: {github: ...}`)"))
    }
}
