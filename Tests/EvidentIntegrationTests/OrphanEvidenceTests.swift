import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// Stored evidence whose directive is gone: the build and `check` name each file and say how to remove it, and
/// neither fails on it (not even `--strict`): the file is never read or published.
final class OrphanEvidenceTests: XCTestCase {
    private let orphan = "content/first-essay/evidence/old-bench.json"

    private func siteWithAnOrphan() throws -> FixtureSite {
        let site = try makeSite("sites/basic")
        try site.write(orphan, "{}\n")
        try site.write("content/first-essay/evidence/.old-bench.json.tmp", "{}\n")
        try site.write("content/first-essay/evidence/notes.txt", "not evidence\n")
        try site.write("content/a-draft/evidence/draft-bench.json", "{}\n")
        return site
    }

    func testTheBuildWarnsAboutEachUnusedFileWithTheWayToRemoveIt() throws {
        let site = try siteWithAnOrphan()
        let lines = LockedLines()
        let report = try SiteBuild(options: BuildOptions(siteFolder: site.folder), log: lines.log).run()
        XCTAssertEqual(report.orphanEvidence, [orphan], "a draft left out of the build is not judged")
        XCTAssertEqual(
            lines.warnings,
            [
                "\(orphan): unused stored evidence: no directive in content/first-essay/index.md has the id "
                    + "`old-bench` — delete it from the site folder (`git rm \(orphan)`, or `rm`), or restore the "
                    + "directive"
            ])
        XCTAssertFalse(site.exists("public/first-essay/old-bench.json"), "unused evidence is not published")
    }

    func testCheckAndStrictBuildReportUnusedEvidenceWithoutFailing() throws {
        let site = try siteWithAnOrphan()
        let check = try EvidentCLI.run(["check", "--site", site.folder.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.hasPrefix("warning: \(orphan): unused stored evidence"), check.stderr)
        XCTAssertTrue(check.stdout.hasSuffix("; 0 broken links; 1 unused evidence file\n"), check.stdout)
        let strict = try EvidentCLI.run(["build", "--site", site.folder.path, "--strict"])
        XCTAssertEqual(strict.status, 0, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("(`git rm \(orphan)`, or `rm`)"), strict.stderr)
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent(orphan))
        let clean = try EvidentCLI.run(["check", "--site", site.folder.path])
        XCTAssertEqual(clean.stderr, "")
        XCTAssertTrue(clean.stdout.hasSuffix("; 0 broken links\n"), clean.stdout)
    }
}
