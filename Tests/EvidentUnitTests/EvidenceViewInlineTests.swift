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

    func testEachStat() throws {
        let fixture = try EvidenceViewFixture()
        let cases: [(String, String)] = [
            (
                "=await-loop.gather.median@n=100",
                #"<span class="measured" title="95% CI [3.07–3.13 ms], n = 100">3.10 ms</span>"#
            ),
            (
                "=await-loop.gather.ratio@n=100",
                #"<span class="measured" title="95% CI [0.0120–0.0128], n = 100, to sync">0.0124×</span>"#
            ),
            (
                "=await-loop.gather.speedup@n=10",
                #"<span class="measured" title="95% CI [9.34–9.91], n = 100, over sync">9.62×</span>"#
            ),
            (
                "=await-loop.sync.ci@n=10",
                #"<span class="measured" title="median 25.0 ms, n = 100">[24.8–25.3 ms]</span>"#
            ),
            (
                "=await-loop.sync.n@n=10",
                #"<span class="measured" title="median 25.0 ms, 95% CI [24.8–25.3 ms]">100</span>"#
            ),
            (
                "=await-loop.sync.ratio@n=10",
                #"<span class="measured" title="95% CI [1.00–1.00], n = 100, to sync">1.00×</span>"#
            ),
        ]
        for (literal, expected) in cases {
            XCTAssertEqual(try html(literal, fixture: fixture), expected, literal)
        }
    }

    func testMissingCellIsNil() throws {
        let fixture = try EvidenceViewFixture()
        fixture.record.cells.removeAll { $0.variant == "gather" && $0.params.values["n"] == "10" }
        XCTAssertNil(try html("=await-loop.gather.median@n=10", fixture: fixture))
        XCTAssertNotNil(try html("=await-loop.gather.median@n=100", fixture: fixture))
    }
}
