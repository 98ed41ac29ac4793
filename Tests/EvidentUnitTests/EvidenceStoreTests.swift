import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// Records written to and read from a real essay folder.
final class EvidenceStoreTests: XCTestCase {
    private var site: URL!
    private var store: EvidenceStore!

    override func setUpWithError() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("evident-store-\(UUID())")
        store = EvidenceStore(essayFolder: site.appendingPathComponent("content/essay"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: site)
    }

    func testRoundTripWritesNumericParamsAsNumbers() throws {
        let record = EvidenceStoreSample.record()
        try store.save(record)
        XCTAssertEqual(try store.load(id: "await-loop"), record)

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: store.url(id: "await-loop")))
        let cell = try XCTUnwrap(((json as? [String: Any])?["cells"] as? [[String: Any]])?.first)
        let params = try XCTUnwrap(cell["params"] as? [String: Any])
        XCTAssertEqual(params["n"] as? Int, 10)
        XCTAssertEqual(params["transport"] as? String, "tcp")
        XCTAssertEqual(params["delay"] as? Double, 0.5)
        XCTAssertEqual(params["label"] as? String, "007")
        XCTAssertEqual(cell["samples"] as? [Double], record.cells[0].samples)
    }

    func testReadsParamsWrittenAsNumbersOrStrings() throws {
        let data = try EvidenceJSON.encode(EvidenceStoreSample.record())
        var text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains(#""n" : 10"#), text)
        text = text.replacingOccurrences(of: #""n" : 10"#, with: #""n" : "10""#)
        text = text.replacingOccurrences(of: #""delay" : 0.5"#, with: #""delay" : "0.5""#)
        try FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: store.url(id: "await-loop"))
        XCTAssertEqual(try store.load(id: "await-loop"), EvidenceStoreSample.record())
    }

    func testSameRecordGivesSameBytes() throws {
        let record = EvidenceStoreSample.record()
        try store.save(record)
        let first = try Data(contentsOf: store.url(id: "await-loop"))
        var reordered = record
        reordered.cells[0].params = CellParams(
            Dictionary(uniqueKeysWithValues: record.cells[0].params.values.reversed()))
        try store.save(reordered)
        XCTAssertEqual(try Data(contentsOf: store.url(id: "await-loop")), first)
        XCTAssertEqual(first.last, UInt8(ascii: "\n"))
    }

    func testEveryStoredFileOfTheRepositoryReadsBackToTheSameBytes() throws {
        let repository = FixtureSite.repository
        let files = [repository.appendingPathComponent("content"), FixtureSite.fixtures].flatMap { root in
            (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
                .filter { $0.contains("evidence/") && $0.hasSuffix(".json") }
                .map { root.appendingPathComponent($0) }
        }
        XCTAssertGreaterThan(files.count, 10)
        for file in files {
            let bytes = try Data(contentsOf: file)
            XCTAssertEqual(try EvidenceJSON.encode(EvidenceJSON.decode(bytes)), bytes, file.path)
        }
    }

    func testMissingEvidenceIsNil() throws {
        XCTAssertNil(try store.load(id: "await-loop"))
    }

    func testSaveCreatesTheFolderAndLeavesNoTemporaryFile() throws {
        try store.save(EvidenceStoreSample.record())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.folder.path), ["await-loop.json"])
    }

    func testStaleTemporaryFileIsIgnoredAndCleaned() throws {
        try FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
        let stale = store.folder.appendingPathComponent(".await-loop.json.tmp")
        try Data(#"{"schema": 1, "id": "await-loop", "cells": [ {"variant"#.utf8).write(to: stale)
        XCTAssertNil(try store.load(id: "await-loop"))

        try store.save(EvidenceStoreSample.record())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.folder.path), ["await-loop.json"])
        XCTAssertEqual(try store.load(id: "await-loop"), EvidenceStoreSample.record())
    }

    func testFailedSaveLeavesThePreviousFileAsItWas() throws {
        try store.save(EvidenceStoreSample.record())
        let before = try Data(contentsOf: store.url(id: "await-loop"))
        var broken = EvidenceStoreSample.record()
        broken.durationS = .nan
        XCTAssertThrowsError(try store.save(broken)) { error in
            guard case .cannotStage(let file, _)? = (error as? EvidentError)?.reason(EvidenceFileFailure.self) else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(file, "content/essay/evidence/await-loop.json")
            XCTAssertEqual((error as? EvidentError)?.kind, .io)
        }
        XCTAssertEqual(try Data(contentsOf: store.url(id: "await-loop")), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.folder.path), ["await-loop.json"])
    }

    func testCorruptFileNamesTheFileAndTheFix() throws {
        try FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
        try Data("{\"schema\": 1, \"id\": ".utf8).write(to: store.url(id: "await-loop"))
        XCTAssertThrowsError(try store.load(id: "await-loop")) { error in
            XCTAssertEqual(
                "\(error)",
                "content/essay/evidence/await-loop.json: the stored evidence cannot be read: it is not valid JSON — "
                    + "restore it from git or run evident build --refresh await-loop")
            XCTAssertEqual((error as? EvidentError)?.kind, .input)
        }
    }

    func testIncompleteOrForeignRecordIsAnError() throws {
        try FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
        let url = store.url(id: "await-loop")
        try Data(#"{"schema": 1, "id": "await-loop"}"#.utf8).write(to: url)
        XCTAssertThrowsError(try store.load(id: "await-loop")) { error in
            guard case .unreadable(let id, let reason)? = (error as? EvidentError)?.reason(EvidenceFileFailure.self)
            else { return XCTFail("\(error)") }
            XCTAssertEqual(id, "await-loop")
            XCTAssertTrue(reason.hasPrefix("`") && reason.contains("` is missing"), reason)
        }

        var other = EvidenceStoreSample.record()
        other.id = "other"
        try EvidenceJSON.encode(other).write(to: url)
        XCTAssertThrowsError(try store.load(id: "await-loop")) { error in
            XCTAssertEqual(
                (error as? EvidentError)?.reason(EvidenceFileFailure.self),
                .otherDirective(id: "await-loop", holds: "other"))
        }

        other.id = "await-loop"
        other.schema = 2
        try EvidenceJSON.encode(other).write(to: url)
        XCTAssertThrowsError(try store.load(id: "await-loop")) { error in
            XCTAssertEqual(
                (error as? EvidentError)?.reason(EvidenceFileFailure.self), .wrongSchema(id: "await-loop", schema: 2))
        }
    }
}

/// A small but complete record: two variants in one cell, a second metric, a claim and a previous measurement.
enum EvidenceStoreSample {
    static let params = CellParams(["n": "10", "transport": "tcp", "delay": "0.5", "label": "007"])

    static func record() -> EvidenceRecord {
        let sync: [Double] = [100, 101, 99, 102, 98, 100, 103]
        let gather: [Double] = [50, 51, 49, 50, 52, 48, 50]
        let cells = [
            EvidenceCell(key: CellKey(variant: "sync", params: params), summary: Summary(of: sync)!, samples: sync),
            EvidenceCell(
                key: CellKey(variant: "gather", params: params), summary: Summary(of: gather)!, samples: gather),
        ]
        let ratios = [
            EvidenceRatio(key: CellKey(variant: "sync", params: params), estimate: RatioEstimate(ratio: 1, ci: 1...1)),
            EvidenceRatio(
                key: CellKey(variant: "gather", params: params), estimate: RatioEstimate(gather, over: sync)!),
        ]
        let rss = EvidenceCell(
            key: CellKey(variant: "sync", params: params), summary: Summary(of: [4096])!, samples: [4096])
        return EvidenceRecord(
            id: "await-loop", kind: .bench, key: String(repeating: "ab", count: 32),
            measuredAt: PublicationDate.parse("2026-01-31T09:05:00Z")!, durationS: 12.5,
            environment: MachineEnvironment(
                cpu: "AMD EPYC 7B13", cores: 2, os: "Debian GNU/Linux 12 (bookworm), kernel 6.1.0", python: "3.11.7"),
            metric: "wall_ns", baseline: "sync", stoppedBy: .precision, cells: cells, ratios: ratios,
            moreMetrics: [MetricEvidence(metric: "max_rss_bytes", cells: [rss], ratios: [])],
            claims: [
                EvidenceClaim(
                    text: "gather faster than sync", verdict: .holds, ratio: 0.5, ci: [0.48, 0.52], params: params)
            ],
            probe: nil,
            previous: PreviousMeasurement(
                measuredAt: PublicationDate.parse("2026-01-01T00:00:00Z")!,
                cells: [
                    EvidenceCell(
                        key: CellKey(variant: "sync", params: params), summary: Summary(of: sync)!, samples: [])
                ]))
    }
}
