import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// A few hundred bytes of nested aliases stand for billions of values; front matter, site.yml and directives
/// refuse them at the line that expands, before any value is copied (they used to take gigabytes), and refuse an
/// alias in a key before Yams hashes it (which took minutes).
final class YAMLLimitsTests: XCTestCase {
    /// `a0: &a0 [x, ...]` then `aK: &aK [*aK-1, ...]`, nine items each: 9^(levels + 1) values, YAML line 1 on.
    private static func bomb(levels: Int, indent: String = "") -> String {
        let nine = { (item: String) in "[" + Array(repeating: item, count: 9).joined(separator: ",") + "]" }
        var lines = ["\(indent)a0: &a0 \(nine("x"))"]
        for level in 1...levels { lines.append("\(indent)a\(level): &a\(level) \(nine("*a\(level - 1)"))") }
        return lines.joined(separator: "\n") + "\n"
    }

    func testFrontMatterExtraRefusesAnAliasBombAtTheLineThatExpands() {
        let text = "---\ntitle: T\ndate: 2026-01-05\nextra:\n" + Self.bomb(levels: 8, indent: "  ") + "---\nBody\n"
        XCTAssertThrowsError(try FrontMatter.split(text, file: "content/x/index.md")) {
            XCTAssertEqual(
                "\($0)",
                "content/x/index.md:10: front matter expands to more than 100,000 values, counting each use of an "
                    + "alias (`*name`) in full — write the values out, or use fewer aliases of aliases")
        }
    }

    func testSiteConfigurationAndDirectivesShareTheLimit() throws {
        let site = YAMLSource(file: "content/site.yml", firstLine: 1, text: "title: S\nextra:\n" + Self.bomb(levels: 8))
        XCTAssertThrowsError(try SiteConfig.parse(site)) {
            XCTAssertTrue("\($0)".hasPrefix("content/site.yml:8: site configuration expands to more than"), "\($0)")
        }
        let essay = try DirectiveEssay()
        XCTAssertTrue(
            essay.error(.bench, Self.bomb(levels: 8) + "id: a\n").hasPrefix(
                "content/x/index.md:16: the bench directive expands to more than 100,000 values"))
    }

    func testAliasesNestedPastAThousandLevelsAreRefused() {
        let nested = { (inside: String) in
            String(repeating: "[", count: 600) + inside + String(repeating: "]", count: 600)
        }
        let text = "a: &a \(nested("x"))\nb: \(nested("*a"))\n"
        XCTAssertThrowsError(try YAMLSource(file: "f.yml", firstLine: 1, text: text).compose(what: "the file")) {
            XCTAssertTrue("\($0)".hasPrefix("f.yml:2: the file expands to nesting more than 1,000 levels"), "\($0)")
        }
    }

    func testAnAliasInAKeyIsRefusedBeforeItIsHashed() {
        let cases = [
            "k: {*a7: 1}": 10, "k: [*a3: 1]": 10, "[*a6, x]: 1": 10, "? *a5\n: 1": 10, "b:\n  c:\n    *a4 : 1": 12,
        ]
        for (key, line) in cases {
            let text = Self.bomb(levels: 8) + key + "\n"
            XCTAssertThrowsError(try YAMLSource(file: "f.yml", firstLine: 1, text: text).compose(what: "the file")) {
                XCTAssertEqual(($0 as? EvidentError)?.location?.line, line, "\(key): \($0)")
                guard case .aliasInKey(let alias, "the file")? = ($0 as? EvidentError)?.reason(YAMLFailure.self) else {
                    return XCTFail("\(key): \($0)")
                }
                XCTAssertTrue(alias.hasPrefix("a"), "\(key): \($0)")
            }
        }
    }

    func testAliasesOfValuesAndStarsInTextStillRead() throws {
        let text = """
            base: &base [1, 2]
            copy: *base
            "*quoted": a*b
            plain*star: "*not: an alias*"
            caption: |
              *Note:* stars in a block
            """
        let root = try XCTUnwrap(try YAMLSource(file: "f.yml", firstLine: 1, text: text).compose(what: "the file"))
        XCTAssertEqual(root.mapping?[key: "copy"], root.mapping?[key: "base"])
        XCTAssertEqual(root.mapping?[key: "*quoted"]?.string, "a*b")
        XCTAssertEqual(root.mapping?[key: "plain*star"]?.string, "*not: an alias*")
        XCTAssertEqual(root.mapping?[key: "caption"]?.string, "*Note:* stars in a block")
    }

    func testSyntaxErrorsInTextWithStarsQuoteTheStars() {
        XCTAssertThrowsError(try YAMLSource(file: "f.yml", firstLine: 1, text: "a: 1\na: *x\n").compose(what: "F")) {
            XCTAssertEqual("\($0)", "f.yml:2: `a` is given twice in F — keep one `a:`")
        }
    }
}
