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
        XCTAssertTrue(
            html.contains(
                #"<tr><th scope="col">snippet</th><th scope="col">python</th><th scope="col">python -m asyncio</th>"#
                    + #"<th scope="col">ipython</th></tr>"#))
        XCTAssertTrue(
            html.contains(
                #"<tr><th scope="row">top-level await</th><td class="fails" data-label="python">"#
                    + #"<span aria-hidden="true">✗ </span>fails"#
                    + #"<span class="error-line">SyntaxError: &#39;await&#39; outside function</span></td>"#
                    + #"<td class="works" data-label="python -m asyncio"><span aria-hidden="true">✓ </span>works</td>"#),
            html)
        // On a phone the rows stack: each cell carries its tool's name, which the stylesheet shows above it.
        XCTAssertTrue(
            html.contains(
                #"<tr><th scope="row">%timeit await</th><td class="missing" data-label="python">not run</td>"#))
        XCTAssertEqual(EvidenceViewFixture.count(#"<li class="claim holds">"#, in: html), 2)
        XCTAssertTrue(html.contains("stale: the experiment changed since this was measured"))
        XCTAssertTrue(html.contains("<code>evident build --refresh top-level-await</code>"))
        XCTAssertNoThrow(try EvidenceViewEscapingTests.parse(html))
    }
}
