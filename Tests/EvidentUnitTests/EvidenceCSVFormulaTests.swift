import XCTest

@testable import EvidentEvidence

/// A published CSV never holds a cell that a spreadsheet runs as a formula, and its numbers stay numbers.
final class EvidenceCSVFormulaTests: XCTestCase {
    func testTextThatStartsAFormulaGetsAQuoteInFront() {
        var record = EvidenceStoreSample.record()
        record.probe = [
            ProbeResult(
                tool: "=cmd|' /C calc'!A0", snippet: "@SUM(1)", works: false, firstError: "-2+3, oops", exitStatus: -1,
                seconds: 0.5),
            ProbeResult(tool: "+python", snippet: "\tawait", works: true, firstError: nil, exitStatus: 0, seconds: 1),
        ]
        XCTAssertEqual(
            EvidenceCSV.csv(record),
            "tool,snippet,works,first_error,exit_status,seconds\r\n"
                + "'=cmd|' /C calc'!A0,'@SUM(1),false,\"'-2+3, oops\",-1,0.5\r\n"
                + "'+python,'\tawait,true,,0,1\r\n")
    }

    func testNegativeNumbersAndSignedParametersStayNumbers() {
        var record = EvidenceStoreSample.record()
        let params = CellParams(["offset": "-5", "scale": "+1.5e-3", "name": "-x"])
        record.cells = [
            EvidenceCell(
                key: CellKey(variant: "=a", params: params), summary: Summary(of: [-0.25])!, samples: [-0.25, -3],
                rounds: [1, 2])
        ]
        record.moreMetrics = []
        XCTAssertEqual(
            EvidenceCSV.csv(record),
            "variant,name,offset,scale,metric,sample_index,round,pair,value\r\n"
                + "'=a,'-x,-5,+1.5e-3,wall_ns,0,1,,-0.25\r\n" + "'=a,'-x,-5,+1.5e-3,wall_ns,1,2,,-3\r\n")
    }
}
