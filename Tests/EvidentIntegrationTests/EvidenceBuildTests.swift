import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// Whole-site builds with real experiments, measured, stored, judged and reused; and the exit code of a contradicted
/// claim. What the plan decides (reuse, refresh, stale, strict) is tested in memory by `EvidencePlanTests`.
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
        let site = try makeSite("sites/evidence")
        let first = try build(site)
        XCTAssertEqual(first.directivesMeasured, 2)
        XCTAssertGreaterThanOrEqual(first.claims.held, 1, "spins' claim may hold or be inconclusive at 5 samples")
        XCTAssertEqual(first.claims.contradicted, 1)

        let sleeps = try record(site, "sleeps")
        let ratio = try XCTUnwrap(sleeps.ratios.first { $0.variant == "long" }).estimate
        XCTAssertEqual(ratio.ratio, 2.0, accuracy: 0.04, "40 ms / 20 ms")
        XCTAssertEqual(sleeps.claims.map(\.verdict), [.holds, .contradicted])
        XCTAssertEqual(sleeps.stoppedBy, .precision)

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
        XCTAssertEqual(runs(site, "sleeps"), processes, "a rebuild runs no experiment")
    }

    func testStrictExitsThreeOnAContradictedClaim() throws {
        let site = try makeSite("sites/evidence")
        let measurer = InMemoryMeasurer(medians: ["short": 20e6, "long": 40e6, "one": 1e6, "two": 2e6])
        _ = try SiteBuild(options: BuildOptions(siteFolder: site.folder), log: .silent, measurer: measurer).run()
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
            + #"[0-9.]+× slower \[[0-9.]+–[0-9.]+\]\n"#
        for (output, label) in [(result.stderr, "error: "), (check.stderr, "error: "), (plain.stderr, "warning: ")] {
            XCTAssertNotNil(output.range(of: "(^|\n)" + label + claim, options: .regularExpression), output)
        }
    }
}
