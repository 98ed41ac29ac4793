import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// Every number read from an evidence file is checked before anything computes with it: a number that cannot be
/// right is an error naming the file and what it belongs to, with the way out.
final class EvidenceStoreNumbersTests: XCTestCase {
    private var store: EvidenceStore!
    private let cell = "delay=0.5, label=007, n=10, transport=tcp"

    override func setUpWithError() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("evident-numbers-\(UUID())")
        store = EvidenceStore(essayFolder: site.appendingPathComponent("content/essay"))
        try FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: site) }
    }

    /// The message `load` gives for the sample record after `edit`, nil when it loads.
    private func loadError(_ edit: (inout EvidenceRecord) -> Void) throws -> String? {
        var record = EvidenceStoreSample.record()
        edit(&record)
        try EvidenceJSON.encode(record).write(to: store.url(id: "await-loop"))
        do {
            _ = try store.load(id: "await-loop")
            return nil
        } catch let error as EvidentError {
            XCTAssertEqual(error.kind, .input)
            XCTAssertEqual(error.fix, "restore it from git or run evident build --refresh await-loop")
            XCTAssertEqual(error.location, SourceLocation(file: "content/essay/evidence/await-loop.json"))
            return error.message
        }
    }

    func testEachNumberOfACellThatCannotBeRightIsNamed() throws {
        let cases: [(String, (inout EvidenceRecord) -> Void)] = [
            (
                "cell sync at \(cell): median: -1.0 is negative, and a time cannot be",
                { $0.cells[0].summary.median = -1 }
            ),
            (
                "cell sync at \(cell): min 98.0, ci [101.0, 102.0], median 100.0 and max 103.0 are not in the order "
                    + "min ≤ ci ≤ max with the median inside",
                { $0.cells[0].summary.ci = 101...102 }
            ),
            (
                "cell sync at \(cell): min 97.0 and max 103.0 are not those of the samples (98.0 and 103.0)",
                { $0.cells[0].summary.min = 97 }
            ),
            (
                "cell sync at \(cell): mad: -2.0 is negative, and a deviation cannot be",
                { $0.cells[0].summary.mad = -2 }
            ),
            (
                "cell sync at \(cell): outliers is 8, not a count between 0 and n (7)",
                { $0.cells[0].summary.outliers = 8 }
            ),
            (
                "cell gather at \(cell): sample 7: 1e+301 is beyond ±1e300, the largest magnitude evident keeps",
                { $0.cells[1].samples[6] = 1e301 }
            ),
            (
                "cell sync at \(cell) (max_rss_bytes): median: -4096.0 is negative, and a size cannot be",
                { $0.moreMetrics[0].cells[0].summary.median = -4096 }
            ),
            (
                "cell sync at \(cell): ci [99.0, 101.0] does not hold ci_run [98.5, 102.0], the interval it widens",
                {
                    $0.cells[0].summary.ci = 99...101
                    $0.cells[0].summary.runCI = 98.5...102
                }
            ),
            (
                "cell sync at \(cell): earlier: -1.0 is negative, and a time cannot be",
                { $0.cells[0].earlier = [100, -1] }
            ),
            (
                "cell sync at \(cell): earlier lists 10 runs; evident keeps at most 9",
                { $0.cells[0].earlier = Array(repeating: 100, count: 10) }
            ),
            (
                "previous cell sync at \(cell): n is 0; a cell has at least one sample",
                { $0.previous!.cells[0].summary.n = 0 }
            ),
            (
                "previous cell sync at \(cell): n is 7, but the cell keeps 2 samples",
                { $0.previous!.cells[0].samples = [99, 101] }
            ),
        ]
        for (message, edit) in cases {
            XCTAssertEqual(try loadError(edit), message)
        }
    }

    func testEachOtherNumberThatCannotBeRightIsNamed() throws {
        let cases: [(String, (inout EvidenceRecord) -> Void)] = [
            (
                "ratio of gather at \(cell): ratio: -0.5 is negative, and a ratio cannot be",
                { $0.ratios[1].estimate.ratio = -0.5 }
            ),
            (
                "ratio of gather at \(cell): ci: 1e+301 is beyond ±1e300, the largest magnitude evident keeps",
                { $0.ratios[1].estimate.ci = 0...1e301 }
            ),
            (
                "ratio of gather at \(cell): ci [0.4, 0.6] does not hold ci_run [0.3, 0.5], the interval it widens",
                {
                    $0.ratios[1].estimate.ci = 0.4...0.6
                    $0.ratios[1].estimate.runCI = 0.3...0.5
                }
            ),
            (
                "claim `gather faster than sync`: ci [0.52, 0.48] has its lower end above its upper end",
                { $0.claims[0].ci = [0.52, 0.48] }
            ),
            (
                "claim `gather faster than sync`: ci is not [lower, upper]: it lists 1 number",
                { $0.claims[0].ci = [0.5] }
            ),
            ("duration_s: -1.0 is negative, and a time cannot be", { $0.durationS = -1 }),
            ("environment.cores is 0; a machine has at least 1 core", { $0.environment.cores = 0 }),
            (
                "probe result of python on snippet: seconds: -1.0 is negative, and a time cannot be",
                {
                    $0.probe = [
                        ProbeResult(
                            tool: "python", snippet: "snippet", works: true, firstError: nil, exitStatus: 0, seconds: -1
                        )
                    ]
                }
            ),
        ]
        for (message, edit) in cases {
            XCTAssertEqual(try loadError(edit), message)
        }
    }

    func testTinyHugeAndSignedNumbersInRangeLoad() throws {
        XCTAssertNil(
            try loadError { record in
                let tiny = [5e-324, 1e-310, 1e-310, 2e-310, 1e-300, 1e-300, 1e-300]
                record.cells[0] = EvidenceCell(
                    key: CellKey(variant: "sync", params: EvidenceStoreSample.params), summary: Summary(of: tiny)!,
                    samples: tiny)
                let counts = [-1e300, -0.0, 0, 1e300]
                record.moreMetrics = [
                    MetricEvidence(
                        metric: "balance",
                        cells: [
                            EvidenceCell(
                                key: CellKey(variant: "sync", params: EvidenceStoreSample.params),
                                summary: Summary(of: counts)!,
                                samples: counts)
                        ], ratios: [])
                ]
            })
    }

    func testNumbersJSONCannotHoldAreRefusedAsUnreadable() throws {
        let valid = String(decoding: try EvidenceJSON.encode(EvidenceStoreSample.record()), as: UTF8.self)
        for (from, to) in [(#""duration_s" : 12.5"#, #""duration_s" : 1e999"#), (#""n" : 7"#, #""n" : 7.5"#)] {
            XCTAssertTrue(valid.contains(from), from)
            try Data(valid.replacingOccurrences(of: from, with: to).utf8).write(to: store.url(id: "await-loop"))
            XCTAssertThrowsError(try store.load(id: "await-loop")) { error in
                XCTAssertTrue("\(error)".hasPrefix("content/essay/evidence/await-loop.json: "), "\(error)")
            }
        }
    }
}
