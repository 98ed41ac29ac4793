import XCTest

@testable import EvidentRendering

/// Parents (`{{<name}}`) and blocks (`{{$name}}`): defaults, overrides, several levels, and indentation.
final class MustacheInheritanceTests: XCTestCase {
    let base = "<title>{{$title}}Site{{/title}}</title>\n<main>\n{{$content}}{{/content}}\n</main>\n"

    func testBlocksRenderTheirDefaultUnlessOverridden() throws {
        XCTAssertEqual(try renderMustache("{{$b}}default {{x}}{{/b}}", ["x": 1]), "default 1")
        let child = "{{<base}}\n{{$content}}\n<p>{{text}}</p>\n{{/content}}\n{{/base}}\n"
        XCTAssertEqual(
            try renderMustache(child, ["text": "hi"], partials: ["base": base]),
            "<title>Site</title>\n<main>\n<p>hi</p>\n\n</main>\n")
        let both = "{{<base}}{{$title}}T{{/title}}{{$content}}C{{/content}}{{/base}}"
        XCTAssertEqual(try renderMustache(both, partials: ["base": base]), "<title>T</title>\n<main>\nC\n</main>\n")
    }

    func testTextInsideAParentIsIgnored() throws {
        XCTAssertEqual(
            try renderMustache("{{<p}} ignored {{$b}}B{{/b}} ignored {{/p}}", partials: ["p": "[{{$b}}{{/b}}]"]), "[B]")
    }

    func testTheOutermostOverrideWinsAcrossLevels() throws {
        let partials = [
            "layout": "{{$head}}h{{/head}}|{{$body}}b{{/body}}",
            "page": "{{<layout}}{{$head}}page head{{/head}}{{$body}}page body{{/body}}{{/layout}}",
        ]
        XCTAssertEqual(
            try renderMustache("{{<page}}{{$body}}mine{{/body}}{{/page}}", partials: partials), "page head|mine")
        XCTAssertEqual(try renderMustache("{{<page}}{{/page}}", partials: partials), "page head|page body")
        XCTAssertEqual(try renderMustache("{{>page}}", partials: partials), "page head|page body")
    }

    func testNestedBlocksCanBeOverriddenInsideAnOverride() throws {
        let partials = [
            "layout": "<{{$body}}{{/body}}>",
            "article": "{{<layout}}{{$body}}[{{$byline}}anonymous{{/byline}}]{{/body}}{{/layout}}",
        ]
        XCTAssertEqual(try renderMustache("{{<article}}{{/article}}", partials: partials), "<[anonymous]>")
        XCTAssertEqual(
            try renderMustache("{{<article}}{{$byline}}Ann{{/byline}}{{/article}}", partials: partials), "<[Ann]>")
    }

    func testOverridesRenderInTheContextOfTheirBlock() throws {
        let data: TemplateValue = ["name": "outer", "inner": ["name": "inner"]]
        let partials = ["p": "{{#inner}}{{$b}}{{/b}}{{/inner}}"]
        XCTAssertEqual(try renderMustache("{{<p}}{{$b}}{{name}}{{/b}}{{/p}}", data, partials: partials), "inner")
    }

    func testStandaloneParentsAndBlocksIndentTheirLines() throws {
        // The parent's lines take the whitespace before its tag.
        XCTAssertEqual(try renderMustache("a\n  {{<p}}{{/p}}\nb", partials: ["p": "one\ntwo\n"]), "a\n  one\n  two\nb")
        // An override loses its own indentation and takes the block's.
        let parent = "<ul>\n  {{$items}}\n  <li>default</li>\n  {{/items}}\n</ul>\n"
        let child = "{{<parent}}{{$items}}\n      <li>one</li>\n      <li>two</li>\n{{/items}}{{/parent}}\n"
        XCTAssertEqual(
            try renderMustache(child, partials: ["parent": parent]),
            "<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\n")
        XCTAssertEqual(
            try renderMustache("{{<parent}}{{/parent}}", partials: ["parent": parent]),
            "<ul>\n  <li>default</li>\n</ul>\n")
        // A block after whitespace on a line with more content indents the override's later lines.
        let inline = "{{<q}}{{$b}}x\ny{{/b}}{{/q}}"
        XCTAssertEqual(try renderMustache(inline, partials: ["q": "-\n  {{$b}}{{/b}}\n-"]), "-\n  x\n  y\n-")
    }

    func testASiteMayOverrideOnlyTheBaseOrOnlyAPartial() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("evident-mustache-\(UUID())")
        defer { try? FileManager.default.removeItem(at: site) }
        let templates = site.appendingPathComponent("templates/partials")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let context: TemplateValue = [
            "site": ["title": "S", "root": "../"], "page": ["title": "P", "content": "<p>body</p>"],
            "build": ["version": "1"],
        ]
        try "<b>{{$title}}{{/title}}</b>{{$content}}{{/content}}{{>partials/footer}}\n".write(
            to: site.appendingPathComponent("templates/base.mustache"), atomically: true, encoding: .utf8)
        let custom = try TemplateSet.load(siteFolder: site).render("essay", context)
        XCTAssertTrue(custom.hasPrefix("<b>P · S</b><article class=\"essay\">"), custom)
        XCTAssertTrue(custom.contains("<p>body</p>\n</div>\n</article>\n<footer class=\"site-footer\">"), custom)

        try FileManager.default.removeItem(at: site.appendingPathComponent("templates/base.mustache"))
        try "<footer>mine</footer>\n".write(
            to: templates.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        let page = try TemplateSet.load(siteFolder: site).render("essay", context)
        XCTAssertTrue(page.hasPrefix("<!doctype html>"), page)
        XCTAssertTrue(page.hasSuffix("</main>\n<footer>mine</footer>\n</body>\n</html>\n"), page)
    }
}
