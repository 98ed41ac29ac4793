import XCTest

@testable import EvidentEvidence

/// The raw data published beside a page as `<id>.csv`.
final class EvidenceStoreCSVTests: XCTestCase {
    func testOneRowPerSampleOfEveryMetric() {
        let csv = EvidenceCSV.csv(EvidenceStoreSample.record())
        let lines = csv.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "variant,delay,label,n,transport,metric,sample_index,round,pair,value")
        XCTAssertEqual(lines[1], "sync,0.5,007,10,tcp,wall_ns,0,,,100", "no rounds kept: the round is empty")
        XCTAssertEqual(lines[8], "gather,0.5,007,10,tcp,wall_ns,0,,,50")
        XCTAssertEqual(lines[15], "sync,0.5,007,10,tcp,max_rss_bytes,0,,,4096")
        XCTAssertEqual(lines.count, 1 + 7 + 7 + 1 + 1)
        XCTAssertEqual(lines.last, "")
    }

    func testFieldsAreQuotedAsRFC4180Says() {
        var record = EvidenceStoreSample.record()
        let params = CellParams(["label": "say \"hi\", then\r\nbye", "n": "1"])
        record.cells = [
            EvidenceCell(
                key: CellKey(variant: "a", params: params), summary: Summary(of: [0.25])!, samples: [0.25], rounds: [3])
        ]
        record.moreMetrics = []
        XCTAssertEqual(
            EvidenceCSV.csv(record),
            "variant,label,n,metric,sample_index,round,pair,value\r\n"
                + "a,\"say \"\"hi\"\", then\r\nbye\",1,wall_ns,0,3,,0.25\r\n")
    }

    func testProbeGivesOneRowPerToolAndSnippet() {
        var record = EvidenceStoreSample.record()
        record.probe = [
            ProbeResult(
                tool: "python", snippet: "await", works: false, firstError: "SyntaxError: 'await' outside, x",
                exitStatus: 0, seconds: 0.5),
            ProbeResult(tool: "ipython", snippet: "await", works: true, firstError: nil, exitStatus: 0, seconds: 1),
        ]
        XCTAssertEqual(
            EvidenceCSV.csv(record),
            "tool,snippet,works,first_error,exit_status,seconds\r\n"
                + "python,await,false,\"SyntaxError: 'await' outside, x\",0,0.5\r\n" + "ipython,await,true,,0,1\r\n")
    }
}
