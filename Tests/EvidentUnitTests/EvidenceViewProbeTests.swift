import EvidentTestSupport
import XCTest

@testable import EvidentEvidence
@testable import EvidentRendering

final class EvidenceViewProbeTests: XCTestCase {
    /// The DESIGN.md probe with the default theme.
    static func fixture() throws -> (essay: DirectiveEssay, probe: ProbeDirective, templates: TemplateSet) {
        let essay = try DirectiveEssay()
        let probe = try essay.probe(DirectiveEssay.fixture("probe-top-level-await.yml"))
        return (essay, probe, try TemplateSet.load(siteFolder: essay.site))
    }

    func testMatrixShowsWorksFailsAndFirstErrorLines() throws {
        let fixture = try Self.fixture()
        let results = [
            ProbeResult(
                tool: "python", snippet: "top-level await", works: false,
                firstError: "SyntaxError: 'await' outside function", exitStatus: 0, seconds: 0.4),
            ProbeResult(
                tool: "python -m asyncio", snippet: "top-level await", works: true, firstError: nil, exitStatus: 0,
                seconds: 0.5),
            ProbeResult(
                tool: "ipython", snippet: "top-level await", works: true, firstError: nil, exitStatus: 0, seconds: 1.2),
        ]
        let record = try EvidenceViewFixture.record(kind: .probe, probe: results)
        let html = try fixture.templates.render(
            ProbeView.partial,
            try ProbeView.context(
                probe: fixture.probe, record: record,
                claims: [
                    EvidenceClaim(text: "ipython works on top-level await", verdict: .holds),
                    EvidenceClaim(text: "python fails on top-level await", verdict: .holds),
                ],
                stale: true, currentEnvironment: nil))
        XCTAssertTrue(html.hasPrefix(#"<section class="evidence probe is-stale" id="top-level-await">"#), html)
        // A column per tool, the first error line of a failure, and "not run" for a snippet without results; on a
        // phone the rows stack, and each cell carries its tool's name, which the stylesheet shows above it.
        assertSnapshot(try XCTUnwrap(html.element(startingWith: "<table")), named: "evidence/probe-table.html")
        XCTAssertEqual(EvidenceViewFixture.count(#"<li class="claim holds">"#, in: html), 2)
        XCTAssertTrue(html.contains("stale: the experiment changed since this was measured"))
        XCTAssertTrue(html.contains("<code>evident build --refresh top-level-await</code>"))
        XCTAssertNoThrow(try EvidenceViewEscapingTests.parse(html))
    }
}
