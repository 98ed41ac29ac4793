import EvidentTestSupport
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering

final class EvidenceViewInlineTests: XCTestCase {
    private func html(_ literal: String, fixture: EvidenceViewFixture) throws -> String? {
        let location = SourceLocation(file: "content/x/index.md", line: 3)
        let reference = try XCTUnwrap(InlineReference.parse(literal, location: location))
        let target = try reference.validate(against: [.bench(fixture.bench)])
        return InlineReferenceView.html(target: target, record: fixture.record)
    }

    /// Every stat, each rendered under an HTML comment naming its reference. A ratio and a speed-up read alike: the
    /// factor of at least 1 with its direction.
    func testEachStat() throws {
        let fixture = try EvidenceViewFixture()
        let literals = [
            "=await-loop.gather.median@n=100", "=await-loop.gather.ratio@n=100", "=await-loop.gather.speedup@n=10",
            "=await-loop.sync.ci@n=10", "=await-loop.sync.n@n=10", "=await-loop.sync.ratio@n=10",
        ]
        let rendered = try literals.map { literal in
            "<!-- \(literal) -->\n" + (try XCTUnwrap(try html(literal, fixture: fixture), literal))
        }
        assertSnapshot(rendered.joined(separator: "\n"), named: "inline/each-stat.html")
    }

    func testMissingCellIsNil() throws {
        let fixture = try EvidenceViewFixture()
        fixture.record.cells.removeAll { $0.variant == "gather" && $0.params.values["n"] == "10" }
        XCTAssertNil(try html("=await-loop.gather.median@n=10", fixture: fixture))
        XCTAssertNotNil(try html("=await-loop.gather.median@n=100", fixture: fixture))
    }
}
