import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentRendering

/// Recursion through partials and parents ends at a depth limit with the tag that went too deep, where it used to
/// overflow the stack; recursion that a section ends still renders.
final class MustacheRecursionTests: XCTestCase {
    func testAPartialThatIncludesItselfStopsAtItsTag() {
        XCTAssertThrowsError(try renderMustache("{{>footer}}", partials: ["footer": "F{{>footer}}"])) {
            let error = $0 as? TemplateRecursionError
            XCTAssertEqual(error?.template, "footer")
            XCTAssertEqual(error?.line, 1)
            XCTAssertEqual(
                error?.message, "including `footer` here nests templates more than 200 deep (footer → footer)")
        }
    }

    func testTwoPartialsThatIncludeEachOtherNameTheirCycle() {
        let partials = ["a": "A\n{{>b}}", "b": "B\n\n{{>a}}\n"]
        XCTAssertThrowsError(try renderMustache("{{>a}}", partials: partials)) {
            let error = $0 as? TemplateRecursionError
            XCTAssertEqual(error?.template, "b")
            XCTAssertEqual(error?.line, 3)
            XCTAssertTrue(error?.message.hasSuffix("(a → b → a)") == true, error?.message ?? "")
        }
    }

    func testAParentThatInheritsFromItselfStopsToo() {
        XCTAssertThrowsError(try renderMustache("{{<p}}{{/p}}", partials: ["p": "x\n{{<p}}{{$b}}{{/b}}{{/p}}"])) {
            XCTAssertEqual(($0 as? TemplateRecursionError)?.line, 2)
        }
    }

    func testRecursionEndedByASectionRendersDeepData() throws {
        var tree: TemplateValue = ["name": "leaf", "child": false]
        for level in (1...60).reversed() { tree = ["name": .text("n\(level)"), "child": tree] }
        let output = try renderMustache("{{>node}}", tree, partials: ["node": "{{name}} {{#child}}{{>node}}{{/child}}"])
        XCTAssertTrue(output.hasPrefix("n1 n2 n3 "))
        XCTAssertTrue(output.hasSuffix("n60 leaf "))
    }

    func testSectionsNestAtMostAHundredDeepInOneTemplate() throws {
        let hundred = String(repeating: "{{#a}}", count: 100) + "x" + String(repeating: "{{/a}}", count: 100)
        XCTAssertEqual(try renderMustache(hundred, ["a": true]), "x")
        let deeper = "\n" + String(repeating: "{{#a}}", count: 101) + String(repeating: "{{/a}}", count: 101)
        XCTAssertThrowsError(try MustacheParser.parse(deeper)) {
            XCTAssertEqual($0 as? TemplateSyntaxError, .nestedTooDeep("{{#a}}", line: 2, limit: 100))
        }
    }

    func testTemplateSetReportsTheFileAndLineOfTheRecursingTag() throws {
        let site = try Self.site(["partials/footer.mustache": "<footer>\n{{>partials/footer}}\n</footer>\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        XCTAssertThrowsError(try TemplateSet.load(siteFolder: site).render("essay", [:])) {
            let error = $0 as? EvidentError
            guard case .recursion(let recursion)? = error?.reason(TemplateFailure.self) else {
                return XCTFail("not a recursion: \($0)")
            }
            XCTAssertEqual(recursion.included.suffix(2), ["partials/footer", "partials/footer"])
            XCTAssertEqual(error?.location, SourceLocation(file: "templates/partials/footer.mustache", line: 2))
            XCTAssertTrue(error?.message.contains("(partials/footer → partials/footer)") == true, "\($0)")
            XCTAssertNotNil(error?.fix)
        }
    }

    func testAMissingPartialBehindOtherDelimitersIsAnError() throws {
        let essay = "{{! {{>partials/commented-out}} }}\n{{=<% %>=}}\n<%> partials/nosuch %>\n"
        let site = try Self.site(["essay.mustache": essay])
        defer { try? FileManager.default.removeItem(at: site) }
        XCTAssertThrowsError(try TemplateSet.load(siteFolder: site)) {
            XCTAssertEqual(
                $0 as? EvidentError,
                EvidentError(
                    TemplateFailure.missingTemplate("partials/nosuch"),
                    at: SourceLocation(file: "templates/essay.mustache", line: 3)))
        }
    }

    /// A site folder whose `templates/` holds `files` (path → text).
    private static func site(_ files: [String: String]) throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("evident-recursion-\(UUID())")
        for (path, text) in files {
            let url = site.appendingPathComponent("templates/\(path)")
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return site
    }
}
