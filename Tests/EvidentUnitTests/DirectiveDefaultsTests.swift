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
        let cases = [
            (
                "budget", "fast",
                "bad duration `fast` for `defaults.budget` "
                    + "— write a positive number with a unit: `500ms`, `30s`, `2m`"
            ),
            (
                "precision", "5",
                "bad percentage `5` for `defaults.precision` "
                    + "— write a percentage between 0% and 100%, like `3%`"
            ),
            (
                "samples", "lots",
                "bad sample count `lots` for `defaults.samples` "
                    + "— write `auto` or a whole number of at least 1"
            ),
            ("warmup", "x", "bad count `x` for `defaults.warmup` — write a whole number of at least 0"),
            (
                "min_samples", "3",
                "`defaults.min_samples` of 3 is too few: below 6 samples a cell's 95 % interval is only [min, max] "
                    + "— write `min_samples: 6` or more"
            ),
            ("marker", "", "`defaults.marker` is empty — write a value for it"),
        ]
        for (key, value, message) in cases {
            XCTAssertThrowsError(try DirectiveDefaults([key: value], location: location)) { error in
                XCTAssertEqual("\(error)", "content/site.yml:7: " + message)
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
