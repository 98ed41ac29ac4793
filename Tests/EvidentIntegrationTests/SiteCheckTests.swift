import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentSite

/// `evident check` on whole sites: internal links and anchors of the built pages (claims are covered with the
/// evidence fixtures).
final class SiteCheckTests: XCTestCase {
    func testBasicSitePasses() throws {
        let site = try makeSite("sites/basic")
        let report = try SiteCheck(siteFolder: site.folder, log: .silent).run()
        XCTAssertEqual(report.broken, [])
        XCTAssertNoThrow(try report.throwIfFailed())
        XCTAssertFalse(site.exists("public"), "check never writes the site's output")
    }

    func testBrokenPageAndAnchorLinksFailWithExitOne() throws {
        let site = try makeSite("sites/basic")
        let essay = try site.read("content/second-essay/index.md")
        try site.write(
            "content/second-essay/index.md",
            essay + "\nSee [a missing essay](../no-such-essay/), [a missing section](../first-essay/#nowhere), "
                + "[the index](../), [a real section](../first-essay/#one) and [elsewhere](https://example.com/x).\n")
        let report = try SiteCheck(siteFolder: site.folder, log: .silent).run()
        XCTAssertEqual(
            report.broken,
            [
                "second-essay/index.html:26: link `../first-essay/#nowhere` points to a missing anchor #nowhere",
                "second-essay/index.html:26: link `../no-such-essay/` points to a missing page",
            ])
        XCTAssertThrowsError(try report.throwIfFailed()) { error in
            XCTAssertEqual((error as? EvidentError)?.exitCode, 1)
        }
        let cli = try EvidentCLI.run(["check", "--site", site.folder.path])
        XCTAssertEqual(cli.status, 1)
        XCTAssertTrue(cli.stdout.contains("broken: second-essay/index.html"), cli.stdout)
    }
}
