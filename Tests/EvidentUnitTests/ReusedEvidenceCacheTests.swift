import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// A rebuild from stored evidence reads, for each directive, the record without its samples and the claims judged
/// before, from `.evident-cache/reused/`: it writes the same site as a build that decodes and judges everything, and
/// an entry that is missing, corrupt or about other claims is made again from the stored file.
final class ReusedEvidenceCacheTests: InMemoryEvidenceTestCase {
    private var entries: URL { site.folder.appendingPathComponent(".evident-cache/reused") }

    /// The cache entries' bytes, by file name.
    private func cached() throws -> [String: Data] {
        FixtureSite.snapshot(of: entries)
    }

    func testARebuildFromTheCacheWritesTheSameSiteAndTheEntriesHoldNoSamples() throws {
        _ = try build()
        let judged = try build { $0.frozen = true }
        let decoded = site.snapshot("public")
        XCTAssertEqual(try cached().count, 2, "one entry per directive")
        for (name, data) in try cached() {
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.contains("\"samples\":["), "\(name) keeps no samples")
            XCTAssertTrue(text.contains("\"median\""), "\(name) keeps the summaries")
        }
        let report = try build { $0.frozen = true }
        XCTAssertEqual(site.snapshot("public"), decoded, "the cached records render the same site")
        XCTAssertEqual(report.directivesReused, 2)
        XCTAssertEqual(report.claims, judged.claims)
        XCTAssertEqual(report.claims.held + report.claims.contradicted + report.claims.inconclusive, 3)
    }

    func testACorruptEntryIsMadeAgainFromTheStoredFile() throws {
        _ = try build()
        _ = try build { $0.frozen = true }
        let expected = site.snapshot("public")
        let good = try cached()
        for name in good.keys {
            try Data("{\"record\": 1".utf8).write(to: entries.appendingPathComponent(name))
        }
        _ = try build { $0.frozen = true }
        XCTAssertEqual(site.snapshot("public"), expected)
        let cache = ReusedEvidenceCache(cacheFolder: site.folder.appendingPathComponent(".evident-cache"))
        for name in good.keys {
            XCTAssertNotNil(cache.entry(key: String(name.dropLast(".json".count))), "\(name) is written again")
        }
    }

    func testAMissingCSVIsMadeFromTheWholeRecordWithItsSamples() throws {
        _ = try build()
        _ = try build { $0.frozen = true }
        let csv = try site.read("public/sleeps/sleeps.csv")
        XCTAssertGreaterThan(csv.utf8.count { $0 == UInt8(ascii: "\n") }, 10, "a line per sample")
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent(".evident-cache/csv"))
        _ = try build { $0.frozen = true }
        XCTAssertEqual(try site.read("public/sleeps/sleeps.csv"), csv)
    }

    func testRevisedClaimsJudgedFromTheCachePublishTheWholeRecord() throws {
        _ = try build()
        let essay = "content/sleeps/index.md"
        try site.write(
            essay, try site.read(essay).replacingOccurrences(of: "1.9x slower", with: "1.5x slower"))
        _ = try build { $0.frozen = true }
        let published = try site.read("public/sleeps/sleeps.json")
        XCTAssertTrue(published.contains("\"current_claims\""))
        XCTAssertTrue(published.contains("\"samples\""))
        _ = try build { $0.frozen = true }
        XCTAssertEqual(try site.read("public/sleeps/sleeps.json"), published, "judged from the cache the second time")
    }

    func testARefreshAfterACachedRebuildMeasuresFromTheWholeRecord() throws {
        _ = try build()
        _ = try build { $0.frozen = true }
        let stored = try record("sleeps")
        now += 60
        _ = try build { $0.refresh = .only(["sleeps"]) }
        let refreshed = try record("sleeps")
        XCTAssertEqual(measurer.measured, ["sleeps", "spins", "sleeps"])
        XCTAssertEqual(refreshed.previous?.cells.map(\.summary), stored.cells.map(\.summary))
        XCTAssertEqual(refreshed.cells.map(\.earlier), stored.cells.map { [$0.summary.median] })
    }

    func testAStoredFileChangedAfterItsEntryWasMadeIsDecodedAndCheckedAgain() throws {
        _ = try build()
        _ = try build { $0.frozen = true }
        let file = site.folder.appendingPathComponent("content/sleeps/evidence/sleeps.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"schema\" : 1", with: "\"schema\" : 2").write(
            to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try build { $0.frozen = true }) {
            XCTAssertTrue("\($0)".contains("schema 2"), "\($0)")
        }
    }
}

/// The note about a machine that ran at two speeds reads the samples of one cell: a record cached without its
/// samples keeps that cell's, and the page says the same.
final class ReusedEvidenceTwoSpeedsTests: XCTestCase {
    func testTheTwoSpeedsNoteSurvivesTheCache() throws {
        let site = try makeSite("sites/scaling")
        let build = {
            var options = BuildOptions(siteFolder: site.folder)
            options.frozen = true
            _ = try SiteBuild(options: options, log: .silent, highlighter: PlainHighlighter()).run()
            return try site.read("public/scaling/index.html")
        }
        let decoded = try build()
        XCTAssertTrue(decoded.contains("timings on this machine switch between"), "the fixture ran at two speeds")
        XCTAssertEqual(try build(), decoded)
    }
}
