import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// A contradicted claim as the build and `check` name it: the claim's own line, its text, its directive, and the
/// ratio, interval and cell (or the probe's outcome) that decided it.
final class ContradictedClaimTests: XCTestCase {
    func testABenchClaimNamesItsLineTheRatioTheIntervalAndTheCell() throws {
        let essay = try MeasureTestEssay()
        let bench = try essay.bench(
            "id: loop\ntitle: Loop\nexperiment: experiments/sleeps.py\nvariants: [sync, gather]\nparams: {n: [10, 100]}\n"
        )
        let location = SourceLocation(file: "content/x/index.md", line: 17)
        let texts = ["gather at least 5x faster than sync", "gather faster than sync"]
        let claims = try texts.map {
            try Claim.parse(
                $0, variants: ["sync", "gather"], params: ["n": ["10", "100"]], metrics: ["wall_ns"], location: location
            )
        }
        let judged = [
            EvidenceClaim(
                text: texts[0], verdict: .contradicted, ratio: 0.5, ci: [0.45, 0.55], params: CellParams(["n": "100"])),
            EvidenceClaim(
                text: texts[1], verdict: .holds, ratio: 0.5, ci: [0.45, 0.55], params: CellParams(["n": "10"])),
        ]
        XCTAssertEqual(
            ContradictedClaim.bench(claims, judged: judged, of: bench).map(\.description),
            [
                #"content/x/index.md:17: claim "gather at least 5x faster than sync" (loop) is contradicted: "#
                    + "2.00× faster [1.82–2.22] at n=100"
            ])
    }

    func testAProbeClaimNamesWhatTheToolDid() throws {
        let location = SourceLocation(file: "content/x/index.md", line: 30)
        let claim = try ProbeClaim.parse(
            "python works on await", tools: ["python"], snippets: ["await"], location: location)
        let result = ProbeResult(
            tool: "python", snippet: "await", works: false, firstError: "SyntaxError: 'await' outside function",
            exitStatus: 0, seconds: 0.1)
        let record = EvidenceRecord(
            id: "repl", kind: .probe, key: "", measuredAt: Date(timeIntervalSince1970: 0), durationS: 0.1,
            environment: MachineEnvironment(cpu: "cpu", cores: 1, os: "os"), metric: "works", baseline: "",
            stoppedBy: .samples, cells: [], ratios: [], moreMetrics: [], claims: [], probe: [result], previous: nil)
        XCTAssertEqual(
            ContradictedClaim.probe(
                [claim], judged: [EvidenceClaim(text: claim.text, verdict: .contradicted)], record: record
            ).map(\.description),
            [
                #"content/x/index.md:30: claim "python works on await" (repl) is contradicted: python fails on await: "#
                    + "SyntaxError: 'await' outside function"
            ])
    }
}
