import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// What a build measures, reuses, refreshes, marks stale or refuses, on the `sites/evidence` fixture (two benches,
/// `sleeps` and `spins`) with a measurer that answers from memory: the decisions of the plan, the stored files and
/// the pages, without running an experiment.
final class EvidencePlanTests: InMemoryEvidenceTestCase {
    func testMissingEvidenceIsMeasuredStoredJudgedAndThenReused() throws {
        let first = try build()
        XCTAssertEqual(measurer.measured, ["sleeps", "spins"])
        XCTAssertEqual([first.directivesMeasured, first.directivesReused], [2, 0])
        XCTAssertEqual([first.claims.held, first.claims.contradicted, first.claims.inconclusive], [2, 1, 0])
        XCTAssertEqual(try record("sleeps").claims.map(\.verdict), [.holds, .contradicted])
        XCTAssertEqual(
            try record("sleeps").ratios.first { $0.variant == "long" }?.estimate.ratio ?? 0, 2, accuracy: 1e-9)
        let page = try site.read("public/sleeps/index.html")
        XCTAssertTrue(page.contains(#"<section class="evidence" id="sleeps""#))
        XCTAssertTrue(page.contains(#"class="measured""#), "the inline reference rendered")
        XCTAssertTrue(site.exists("public/sleeps/sleeps.json") && site.exists("public/sleeps/spins.csv"))

        let method = try site.read("public/evidence-method/index.html")
        now += 400 * 86_400  // a page dated by the build's clock would differ now
        let second = try build()
        XCTAssertEqual(try site.read("public/evidence-method/index.html"), method, "the method page is reproducible")
        XCTAssertEqual(measurer.measured, ["sleeps", "spins"], "a rebuild measures nothing")
        XCTAssertEqual([second.directivesMeasured, second.directivesReused], [0, 2])
        XCTAssertEqual(second.orphanEvidence, [], "every stored file belongs to a directive")
        XCTAssertEqual(try site.read("public/sleeps/index.html"), page)
    }

    /// Templates read the time from the build's clock, which the test above moves on instead of waiting.
    func testBuildTimeIsTheBuildsClock() throws {
        try site.write("templates/partials/footer.mustache", "<footer>built {{build.time}}</footer>")
        _ = try build()
        XCTAssertTrue(try site.read("public/sleeps/index.html").contains("<footer>built 2026-11-25T10:00:00Z</footer>"))
    }

    func testEditingProseOrClaimsMeasuresNothingAndEditingAnExperimentOnlyItsDirective() throws {
        _ = try build()
        let essay = try site.read("content/sleeps/index.md")
        try site.write(
            "content/sleeps/index.md",
            essay.replacingOccurrences(of: "A closing paragraph.", with: "A rewritten closing paragraph.")
                .replacingOccurrences(of: "Twice the sleep", with: "Twice the sleep, retitled")
                .replacingOccurrences(of: "  - long within 5% of short\n", with: ""))
        let prose = try build()
        XCTAssertEqual(prose.directivesMeasured, 0)
        XCTAssertEqual(prose.claims.contradicted, 0, "claims are judged again from the stored samples")
        XCTAssertTrue(try site.read("public/sleeps/index.html").contains("Twice the sleep, retitled"))

        try site.write(
            "content/sleeps/experiments/spins.py", try site.read("content/sleeps/experiments/spins.py") + "#\n")
        let edited = try build()
        XCTAssertEqual(measurer.measured, ["sleeps", "spins", "spins"])
        XCTAssertEqual([edited.directivesMeasured, edited.directivesReused], [1, 1])
        XCTAssertNotNil(try record("spins").previous, "the replaced measurement is kept as previous")
    }

    func testChangingAMeasuringFieldMeasuresAgain() throws {
        _ = try build()
        let essay = try site.read("content/sleeps/index.md")
        try site.write("content/sleeps/index.md", essay.replacingOccurrences(of: "samples: 5", with: "samples: 6"))
        XCTAssertEqual(try build().directivesMeasured, 1)
        XCTAssertEqual(measurer.measured.last, "spins")
    }

    func testFrozenRefusesMissingEvidenceAndMarksChangedEvidenceStale() throws {
        XCTAssertThrowsError(try build { $0.frozen = true }) { error in
            XCTAssertEqual(
                "\(error)",
                "content/sleeps/index.md:9: no stored evidence for `sleeps` and --frozen forbids measuring it — run "
                    + "`evident build` without --frozen to measure it, then commit its evidence/sleeps.json")
        }
        XCTAssertEqual(measurer.measured, [])
        XCTAssertFalse(site.exists("public"), "a failed build writes no output")

        _ = try build()
        try site.write(
            "content/sleeps/experiments/spins.py", try site.read("content/sleeps/experiments/spins.py") + "#\n")
        let frozen = try build { $0.frozen = true }
        XCTAssertEqual([frozen.staleDirectives, frozen.directivesMeasured], [1, 0])
        XCTAssertTrue(frozen.summary.contains(": 2 directives (1 reused, 0 measured, 1 stale);"), frozen.summary)
        XCTAssertTrue(try site.read("public/sleeps/index.html").contains("stale"))
        XCTAssertThrowsError(
            try build {
                $0.frozen = true
                $0.strict = true
            }
        ) { error in
            XCTAssertTrue("\(error)".contains("the evidence for `spins` is stale"), "\(error)")
        }
        XCTAssertEqual(measurer.measured, ["sleeps", "spins"])
    }

    func testRefreshMeasuresTheNamedDirectivesOrAllAndRefusesUnknownIDs() throws {
        _ = try build()
        XCTAssertEqual(try build { $0.refresh = .only(["spins"]) }.directivesMeasured, 1)
        XCTAssertEqual(measurer.measured, ["sleeps", "spins", "spins"])
        XCTAssertEqual(try build { $0.refresh = .all }.directivesMeasured, 2)
        XCTAssertThrowsError(try build { $0.refresh = .only(["no-such-id"]) }) { error in
            XCTAssertEqual(
                "\(error)", "--refresh names `no-such-id`, but no directive has that id — known ids: sleeps, spins")
        }
        XCTAssertEqual(measurer.measured.count, 5)
    }

    func testAFailedMeasurementStoresNothingAndKeepsTheOutput() throws {
        _ = try build()
        let evidence = site.snapshot("content/sleeps/evidence")
        let output = site.snapshot("public")
        measurer.crashing = ["spins"]
        XCTAssertThrowsError(try build { $0.refresh = .all }) { error in
            XCTAssertEqual((error as? EvidentError)?.kind, .experiment)
        }
        XCTAssertEqual(measurer.measured.suffix(2), ["sleeps", "spins"], "sleeps was measured again")
        XCTAssertEqual(site.snapshot("content/sleeps/evidence"), evidence, "its new record was not stored")
        XCTAssertEqual(site.snapshot("public"), output)
    }
}
