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
        // A ratio and a speed-up read alike: the factor of at least 1 with its direction.
        let cases: [(String, String)] = [
            (
                "=await-loop.gather.median@n=100",
                #"<span class="measured" tabindex="0">3.10 ms<span class="measured-detail"> (95 % CI [3.07–3.13 ms], 100 samples)</span></span>"#
            ),
            (
                "=await-loop.gather.ratio@n=100",
                #"<span class="measured" tabindex="0">80.6× faster<span class="measured-detail"> (95 % CI [78.3–83.1], 100 samples, against sync)</span></span>"#
            ),
            (
                "=await-loop.gather.speedup@n=10",
                #"<span class="measured" tabindex="0">9.62× faster<span class="measured-detail"> (95 % CI [9.34–9.91], 100 samples, against sync)</span></span>"#
            ),
            (
                "=await-loop.sync.ci@n=10",
                #"<span class="measured" tabindex="0">[24.8–25.3 ms]<span class="measured-detail"> (median 25.0 ms, 100 samples)</span></span>"#
            ),
            (
                "=await-loop.sync.n@n=10",
                #"<span class="measured" tabindex="0">100<span class="measured-detail"> (median 25.0 ms, 95 % CI [24.8–25.3 ms])</span></span>"#
            ),
            (
                "=await-loop.sync.ratio@n=10",
                #"<span class="measured" tabindex="0">same within ±0 %<span class="measured-detail"> (100 samples, against sync)</span></span>"#
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
