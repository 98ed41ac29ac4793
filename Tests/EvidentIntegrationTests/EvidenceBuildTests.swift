import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// Whole-site builds with real experiments: measured once, stored, reused, re-measured only when what produced the
/// numbers changes, and claims judged against the confidence intervals.
final class EvidenceBuildTests: XCTestCase {
    private func build(_ site: FixtureSite, _ options: (inout BuildOptions) -> Void = { _ in }) throws -> BuildReport {
        var buildOptions = BuildOptions(siteFolder: site.folder)
        options(&buildOptions)
        return try SiteBuild(options: buildOptions, log: .silent).run()
    }

    private func runs(_ site: FixtureSite, _ name: String) -> Int {
        let log = (try? site.read("content/sleeps/experiments/runs-\(name).log")) ?? ""
        return log.split(separator: "\n").count
    }

    private func record(_ site: FixtureSite, _ id: String) throws -> EvidenceRecord {
        try XCTUnwrap(try EvidenceStore(essayFolder: site.folder.appendingPathComponent("content/sleeps")).load(id: id))
    }

    func testMeasuresStoresReusesAndJudgesClaims() throws {
        let site = try FixtureSite("sites/evidence")
        defer { site.remove() }
        let first = try build(site)
        XCTAssertEqual(first.directivesMeasured, 2)
        XCTAssertGreaterThanOrEqual(first.claims.held, 1, "spins' claim may hold or be inconclusive at 5 samples")
        XCTAssertEqual(first.claims.contradicted, 1)

        let sleeps = try record(site, "sleeps")
        let ratio = try XCTUnwrap(sleeps.ratios.first { $0.variant == "long" }).estimate
        XCTAssertEqual(ratio.ratio, 2.0, accuracy: 0.04, "40 ms / 20 ms")
        XCTAssertEqual(sleeps.claims.map(\.verdict), [.holds, .contradicted])
        XCTAssertEqual(sleeps.stoppedBy, "precision")

        let page = try site.read("public/sleeps/index.html")
        XCTAssertTrue(page.contains(#"<section class="evidence"#), "the directive became an evidence block")
        XCTAssertTrue(page.contains("<svg"))
        XCTAssertTrue(page.contains(#"class="measured""#), "the inline reference rendered")
        XCTAssertFalse(page.contains("experiment: experiments/sleeps.py"), "the directive's YAML is not shown")
        XCTAssertTrue(site.exists("public/sleeps/sleeps.json"))
        XCTAssertTrue(site.exists("public/sleeps/sleeps.csv"))

        let processes = runs(site, "sleeps")
        let second = try build(site)
        XCTAssertEqual(second.directivesReused, 2)
        XCTAssertEqual(second.directivesMeasured, 0)
        XCTAssertEqual(second.orphanEvidence, [], "every stored file belongs to a directive")
        XCTAssertEqual(runs(site, "sleeps"), processes, "a rebuild runs no experiment")
    }

    func testEditingProseOrClaimsRunsNothingAndEditingAnExperimentRerunsOnlyItsDirective() throws {
        let site = try FixtureSite("sites/evidence")
        defer { site.remove() }
        _ = try build(site)
        let sleeps = runs(site, "sleeps")
        let spins = runs(site, "spins")
        let essay = try site.read("content/sleeps/index.md")
        try site.write(
            "content/sleeps/index.md",
            essay.replacingOccurrences(of: "A closing paragraph.", with: "A rewritten closing paragraph.")
                .replacingOccurrences(of: "Twice the sleep", with: "Twice the sleep, retitled")
                .replacingOccurrences(of: "  - long within 5% of short\n", with: ""))
        let prose = try build(site)
        XCTAssertEqual(prose.directivesMeasured, 0)
        XCTAssertEqual(prose.claims.contradicted, 0)
        XCTAssertEqual(runs(site, "sleeps"), sleeps)

        let experiment = try site.read("content/sleeps/experiments/spins.py")
        try site.write("content/sleeps/experiments/spins.py", experiment + "\n# a comment changes the source\n")
        let edited = try build(site)
        XCTAssertEqual(edited.directivesMeasured, 1)
        XCTAssertEqual(runs(site, "sleeps"), sleeps, "the other directive is reused")
        XCTAssertGreaterThan(runs(site, "spins"), spins)
        XCTAssertNotNil(try record(site, "spins").previous, "the replaced measurement is kept as previous")
    }

    func testFrozenWithMissingEvidenceFailsAndMarksChangedEvidenceStale() throws {
        let site = try FixtureSite("sites/evidence")
        defer { site.remove() }
        XCTAssertThrowsError(try build(site) { $0.frozen = true }) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.hasPrefix("content/sleeps/index.md:9: no stored evidence for `sleeps`"), message)
        }
        XCTAssertEqual(runs(site, "sleeps"), 0)
        _ = try build(site)
        try site.write(
            "content/sleeps/experiments/spins.py", try site.read("content/sleeps/experiments/spins.py") + "#\n")
        let frozen = try build(site) { $0.frozen = true }
        XCTAssertEqual(frozen.staleDirectives, 1)
        XCTAssertTrue(frozen.summary.contains(": 2 directives (1 reused, 0 measured, 1 stale);"), frozen.summary)
        XCTAssertTrue(try site.read("public/sleeps/index.html").contains("stale"))
        XCTAssertThrowsError(
            try build(site) {
                $0.frozen = true
                $0.strict = true
            })
    }

    func testStrictExitsThreeOnAContradictedClaim() throws {
        let site = try FixtureSite("sites/evidence")
        defer { site.remove() }
        _ = try build(site)
        let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--strict", "--quiet"])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("contradicted"))
        let check = try EvidentCLI.run(["check", "--site", site.folder.path])
        XCTAssertEqual(check.status, 3, check.stderr)
        let plain = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        // Each run names the claim at its own line of index.md, with the interval and cell that decided it.
        let claim =
            #"content/sleeps/index.md:21: claim "long within 5% of short" \(sleeps\) is contradicted: "#
            + #"ratio [0-9.]+× \[[0-9.]+–[0-9.]+\]\n"#
        for (output, label) in [(result.stderr, "error: "), (check.stderr, "error: "), (plain.stderr, "warning: ")] {
            XCTAssertNotNil(output.range(of: "(^|\n)" + label + claim, options: .regularExpression), output)
        }
    }

    func testRefreshNamedIDRemeasuresOnlyThatDirective() throws {
        let site = try FixtureSite("sites/evidence")
        defer { site.remove() }
        _ = try build(site)
        let sleeps = runs(site, "sleeps")
        let report = try build(site) { $0.refresh = .only(["spins"]) }
        XCTAssertEqual(report.directivesMeasured, 1)
        XCTAssertEqual(runs(site, "sleeps"), sleeps)
        XCTAssertThrowsError(try build(site) { $0.refresh = .only(["no-such-id"]) })
    }
}
