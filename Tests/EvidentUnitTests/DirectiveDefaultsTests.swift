import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

final class DirectiveDefaultsTests: XCTestCase {
    func testDefaultsKeepTheirText() throws {
        let defaults = try DirectiveDefaults(["budget": "20s", "precision": "5%"])
        XCTAssertEqual(defaults.values, ["budget": "20s", "precision": "5%"])
        XCTAssertEqual(defaults.location, SourceLocation(file: "content/site.yml"))
        XCTAssertEqual(DirectiveDefaults().values, [:])
    }

    func testUnknownDefault() {
        XCTAssertThrowsError(try DirectiveDefaults(["budgte": "20s"])) { error in
            XCTAssertEqual(
                "\(error)",
                "content/site.yml: unknown directive default `budgte` — did you mean `budget`? The defaults: "
                    + "samples, precision, min_samples, max_samples, warmup, budget, timeout, marker")
        }
    }

    func testBadDefaultValuesPointAtTheSiteFile() {
        let location = SourceLocation(file: "content/site.yml", line: 7)
        let field = { (key: String) in DirectiveField("defaults.\(key)") }
        let cases: [(String, String, DirectiveValueFailure)] = [
            ("budget", "fast", .badDuration(field("budget"), "fast")),
            ("precision", "5", .badPercentage(field("precision"), "5")),
            ("samples", "lots", .badSampleCount(field("samples"), "lots")),
            ("warmup", "x", .badCount(field("warmup"), "x", minimum: 0)),
            ("min_samples", "3", .tooFewSamples(field("min_samples"), count: 3, least: 6)),
            ("marker", "", .empty(field("marker"))),
        ]
        for (key, value, failure) in cases {
            XCTAssertThrowsError(try DirectiveDefaults([key: value], location: location)) { error in
                XCTAssertEqual(error as? EvidentError, EvidentError(failure, at: location))
            }
        }
    }

    func testDefaultsMeetTheDirectivesOwnValues() throws {
        let essay = try DirectiveEssay()
        let defaults = try DirectiveDefaults(["max_samples": "20"])
        XCTAssertEqual(
            essay.error(.bench, "id: a\ntitle: A\ncommands: {a: b}\nmin_samples: 50", defaults: defaults),
            "content/x/index.md:14: `max_samples` (20) is less than `min_samples` (50) "
                + "— raise `max_samples` or lower `min_samples`")
    }
}
