import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// Claims are registered with their evidence: one edited, added or removed afterwards shows as such on the page
/// and in the published JSON, which agree, until a refresh registers the claims anew; `--preregistered` refuses it.
final class ClaimRevisionTests: InMemoryEvidenceTestCase {
    private let essay = "content/sleeps/index.md"

    /// Replaces `old` with `new` in the essay.
    private func edit(_ old: String, _ new: String) throws {
        let text = try site.read(essay)
        XCTAssertTrue(text.contains(old), old)
        try site.write(essay, text.replacingOccurrences(of: old, with: new))
    }

    /// The published JSON of `id`.
    private func published(_ id: String) throws -> [String: Any] {
        let data = try Data(contentsOf: site.folder.appendingPathComponent("public/sleeps/\(id).json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func texts(_ claims: Any?) -> [String] {
        ((claims as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
    }

    func testARevisedAddedAndRemovedClaimShowAndThePublishedJSONAgrees() throws {
        _ = try build()
        let day = PublicationDate.day(try record("sleeps").measuredAt)
        try edit("  - long at least 1.9x slower than short\n", "  - long at least 1.5x slower than short\n")
        try edit("  - long within 5% of short\n", "")
        try edit("  - two slower than one\n", "  - two slower than one\n  - one faster than two\n")
        _ = try build { $0.frozen = true }

        let page = try site.read("public/sleeps/index.html")
        XCTAssertTrue(
            page.contains(
                "<span class=\"revision\">revised after measuring: was “long at least 1.9x slower than short”, holds on "
                    + "\(day)</span>"), page)
        XCTAssertTrue(
            page.contains(
                "<span class=\"claim-text\"><del>long within 5% of short</del></span> <span class=\"revision\">"
                    + "contradicted on \(day)</span>"), page)
        XCTAssertTrue(
            page.contains(
                "<span class=\"revision\">added after measuring: not among the claims registered with the evidence of "
                    + "\(day)</span>"), page)

        let sleeps = try published("sleeps")
        XCTAssertEqual(
            texts(sleeps["claims"]), ["long at least 1.9x slower than short", "long within 5% of short"],
            "the registered claims")
        XCTAssertEqual(texts(sleeps["current_claims"]), ["long at least 1.5x slower than short"], "the page's claims")
        XCTAssertEqual(texts(try published("spins")["current_claims"]), ["two slower than one", "one faster than two"])

        XCTAssertThrowsError(
            try build {
                $0.frozen = true
                $0.preregistered = true
            }
        ) {
            XCTAssertTrue("\($0)".contains("claim(s) of `sleeps` changed after its evidence was measured"), "\($0)")
        }

        _ = try build { $0.refresh = .all }
        XCTAssertFalse(try site.read("public/sleeps/index.html").contains("after measuring"))
        XCTAssertNil(try published("sleeps")["current_claims"], "a refresh registers the claims anew")
        XCTAssertEqual(texts(try published("sleeps")["claims"]), ["long at least 1.5x slower than short"])
        _ = try build {
            $0.frozen = true
            $0.preregistered = true
        }
    }

    func testUnchangedClaimsPublishTheStoredBytesAndJudgeFromTheCacheTheSecondTime() throws {
        _ = try build()
        let stored = try Data(contentsOf: site.folder.appendingPathComponent("content/sleeps/evidence/sleeps.json"))
        _ = try build { $0.frozen = true }
        XCTAssertEqual(
            try Data(contentsOf: site.folder.appendingPathComponent("public/sleeps/sleeps.json")), stored)
        let cached = site.folder.appendingPathComponent(".evident-cache/reused")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cached.path).count, 2, "one per directive")
        let page = try site.read("public/sleeps/index.html")
        _ = try build { $0.frozen = true }
        XCTAssertEqual(try site.read("public/sleeps/index.html"), page, "the cached verdicts render the same page")
    }
}
