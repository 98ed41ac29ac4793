import FoundationXML
import XCTest

@testable import EvidentEvidence
@testable import EvidentRendering

final class EvidenceViewEscapingTests: XCTestCase {
    private let hostile = #"<script>alert("x")</script> ' & </textarea>"#

    func testHostileNamesComeOutInert() throws {
        let fixture = try EvidenceViewFixture()
        fixture.bench.title = hostile
        fixture.bench.caption = "A caption <script>alert(1)</script> with `code`."
        fixture.bench.variants[1].name = "<script>"
        fixture.bench.params[0].values = ["10", "<b>"]
        fixture.record.cells = fixture.record.cells.map { cell in
            var cell = cell
            if cell.variant == "gather" { cell.variant = "<script>" }
            if cell.params.values["n"] == "100" { cell.params.values["n"] = "<b>" }
            return cell
        }
        fixture.record.environment.cpu = hostile
        let html = try fixture.html(claims: [EvidenceClaim(text: hostile, verdict: .holds)])

        let elements = try Self.parse(html)
        XCTAssertFalse(elements.contains { $0.name.lowercased() == "script" || $0.name.lowercased() == "textarea" })
        XCTAssertEqual(elements.filter { $0.name == "line" && $0.attributes["class"] == "whisker" }.count, 4)
        let region = try XCTUnwrap(elements.first { $0.attributes["role"] == "region" })
        XCTAssertEqual(region.attributes["aria-label"], hostile + ": table")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39; &amp; &lt;/textarea&gt;"))
        XCTAssertTrue(html.contains(#"<th scope="row">&lt;script&gt;</th><td data-label="wall time, ms">"#))
        XCTAssertTrue(html.contains(#"<th scope="rowgroup" colspan="4">n=&lt;b&gt;</th>"#))
        XCTAssertTrue(html.contains("<code>code</code>"))
    }

    func testHostileProbeNamesComeOutInert() throws {
        let fixture = try EvidenceViewProbeTests.fixture()
        var probe = fixture.probe
        probe.tools[0].name = hostile
        let results = [
            ProbeResult(
                tool: hostile, snippet: "top-level await", works: false, firstError: hostile, exitStatus: 1, seconds: 1)
        ]
        let record = try EvidenceViewFixture.record(kind: .probe, probe: results)
        let html = try fixture.templates.render(
            ProbeView.partial,
            try ProbeView.context(
                probe: probe, record: record, claims: [], stale: false, currentEnvironment: nil))
        let elements = try Self.parse(html)
        XCTAssertFalse(elements.contains { $0.name.lowercased() == "script" || $0.name.lowercased() == "textarea" })
        XCTAssertEqual(
            elements.filter { $0.name == "span" && $0.attributes["class"] == "error-line" }.count, 1)
    }

    /// Every element of `html` (which must be well-formed XML) with its attributes, as a parser reads them back.
    static func parse(_ html: String) throws -> [(name: String, attributes: [String: String])] {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
        return collector.elements
    }
}

private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        elements.append((elementName, attributes))
    }
}
