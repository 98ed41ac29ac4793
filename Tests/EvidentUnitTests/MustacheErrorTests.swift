import XCTest

@testable import EvidentCore
@testable import EvidentRendering

/// Templates that do not parse fail with the line of the tag at fault and a message that names it.
final class MustacheErrorTests: XCTestCase {
    private func error(_ template: String) -> TemplateSyntaxError? {
        do {
            _ = try MustacheParser.parse(template)
            return nil
        } catch {
            return error as? TemplateSyntaxError
        }
    }

    private let closeEverySection = TemplateSyntaxError.closeEverySection

    func testUnclosedSectionPointsAtItsOpeningTag() {
        XCTAssertEqual(error("a\n{{#list}}\nb\n"), .unclosedSection("{{#list}}", line: 2))
        XCTAssertEqual(error("{{<base}}\n{{$content}}\n{{/content}}\n"), .unclosedSection("{{<base}}", line: 1))
        XCTAssertEqual(error("a\n{{#list}}").map(\.fix), closeEverySection)
    }

    func testMismatchedCloseNamesBothTags() {
        let found = error("{{<base}}\n{{$content}}\n{{#page.tags}}{{.}}\n{{/content}}\n{{/base}}\n")
        XCTAssertEqual(found?.line, 4)
        XCTAssertEqual(found?.message, "`{{/content}}` closes `{{#page.tags}}` from line 3")
        XCTAssertEqual(error("x\n\n{{/x}}"), .strayClose("{{/x}}", line: 3))
    }

    func testBadSetDelimiterTags() {
        XCTAssertEqual(error("a\n{{=<%%>=}}"), .badDelimiters("{{=<%%>=}}", line: 2))
        XCTAssertEqual(error("{{=<% = %>=}}"), .badDelimiters("{{=<% = %>=}}", line: 1))
        XCTAssertEqual(error("{{=<% %> |=}}"), .badDelimiters("{{=<% %> |=}}", line: 1))
        XCTAssertEqual(error("{{=<% %>}}")?.line, 1)
    }

    func testUnclosedTagsAndBadNames() {
        XCTAssertEqual(error("a\nb {{page.title}\n<p>{{x}}</p>"), .unclosedTag("{{page.title}", line: 2, close: "}}"))
        XCTAssertEqual(error("{{{x}}"), .unclosedTag("{{{x}}", line: 1, close: "}}}"))
        XCTAssertEqual(error("{{!\n\n}}\n{{x"), .unclosedTag("{{x", line: 4, close: "}}"))
        XCTAssertEqual(error("{{a b}}"), .badName("{{a b}}", line: 1))
        XCTAssertEqual(error("{{#}}{{/}}"), .badName("{{#}}", line: 1))
        XCTAssertEqual(error("{{a..b}}"), .badName("{{a..b}}", line: 1))
    }

    func testOnlyBlocksMayAppearInsideAParent() {
        XCTAssertEqual(
            error("{{<base}}\n{{title}}\n{{/base}}"), .contentInParent("{{title}}", line: 2, parent: "{{<base}}"))
    }

    func testTemplateSetReportsTheFileAndLine() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("evident-mustache-\(UUID())")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "{{<base}}\n{{$content}}\n{{#x}}\n{{/content}}\n{{/base}}\n".write(
            to: site.appendingPathComponent("templates/essay.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TemplateSet.load(siteFolder: site)) {
            let error = $0 as? EvidentError
            XCTAssertEqual(
                error?.reason(TemplateFailure.self),
                .syntax(.mismatchedClose("{{/content}}", line: 4, open: "{{#x}}", openLine: 3)))
            XCTAssertEqual(error?.location, SourceLocation(file: "templates/essay.mustache", line: 4))
            // The English of the template family, as a user reads it.
            XCTAssertEqual(
                error?.description,
                "templates/essay.mustache:4: template syntax error: `{{/content}}` closes `{{#x}}` from line 3 — "
                    + closeEverySection)
        }
    }
}
