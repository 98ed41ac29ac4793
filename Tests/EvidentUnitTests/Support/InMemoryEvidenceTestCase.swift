import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// Tests on the `sites/evidence` fixture (two benches, `sleeps` and `spins`) built in process with a measurer that
/// answers from memory and plain highlighting: what a build plans, measures, stores and writes, without running an
/// experiment. Each test gets a fresh copy of the fixture.
class InMemoryEvidenceTestCase: XCTestCase {
    private(set) var site: FixtureSite!
    private(set) var measurer: InMemoryMeasurer!
    /// The time the next build is made at: fixed, so that a test moves it on instead of waiting for the clock.
    var now = PublicationDate.parse("2026-11-25T10:00:00Z")!

    override func setUpWithError() throws {
        site = try makeSite("sites/evidence")
        measurer = InMemoryMeasurer(medians: ["short": 20e6, "long": 40e6, "one": 1e6, "two": 2e6])
    }

    /// Builds the site with the options `change` sets.
    func build(_ change: (inout BuildOptions) -> Void = { _ in }) throws -> BuildReport {
        var options = BuildOptions(siteFolder: site.folder)
        change(&options)
        let now = self.now
        return try SiteBuild(
            options: options, log: .silent, measurer: measurer, highlighter: PlainHighlighter(), clock: { now }
        ).run()
    }

    /// The stored evidence `id` of the `sleeps` essay.
    func record(_ id: String) throws -> EvidenceRecord {
        try XCTUnwrap(try EvidenceStore(essayFolder: site.folder.appendingPathComponent("content/sleeps")).load(id: id))
    }
}
