import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// A seeded fuzzer of stored evidence: valid evidence files, mutated thousands of times (numbers set to extremes
/// or to what JSON cannot hold, arrays emptied, keys dropped or added, types swapped, the text cut short), each
/// built from in process by the build's own steps, and a few by the command line. A build either succeeds or
/// fails with an error naming the evidence file (exit 1): never a crash, never a hang. `bench/fuzz.sh` runs it
/// longer: `EVIDENT_FUZZ_SEED`, `EVIDENT_FUZZ_ITERATIONS` and `EVIDENT_FUZZ_CLI_RUNS` override the defaults.
final class EvidenceFuzzTests: XCTestCase {
    private static let folder = "content/fuzz/evidence/"

    func testMutatedEvidenceBuildsOrIsRefusedNamingTheFile() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["EVIDENT_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_201
        let iterations = environment["EVIDENT_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 2_000
        let cliRuns = environment["EVIDENT_FUZZ_CLI_RUNS"].flatMap { Int($0) } ?? 2
        let site = try EvidenceFuzzSite()
        removedAfterTest(site.site)
        print("evidence fuzz site (after a crash it holds the input): \(site.site.folder.path)")
        var mutator = JSONMutator(seed: seed)
        var outcomes: [String: Int] = [:]
        // The command line checks the first few mutations of each outcome against the in-process build.
        var cliLeft = ["rendered": cliRuns / 2, "refused": cliRuns - cliRuns / 2]
        for iteration in 0..<iterations {
            let id = iteration % 4 == 3 ? "pr" : "fz"
            let text = mutator.mutate(site.seeds[id]!)
            try site.write(id, text)
            let context = "seed \(seed), iteration \(iteration), evidence/\(id).json:\n\(text)"
            let started = Date()
            let outcome = build(site, context: context)
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, "too slow: \(context)")
            outcomes[outcome, default: 0] += 1
            if let left = cliLeft[outcome], left > 0 {
                cliLeft[outcome] = left - 1
                try checkCommandLine(site, expecting: outcome, context: context)
            }
            try site.write(id, site.seeds[id]!.text)
        }
        print("evidence fuzz seed \(seed), \(iterations) iterations: \(outcomes)")
        XCTAssertGreaterThan(outcomes["rendered"] ?? 0, iterations / 20, "the mutations are too destructive")
        XCTAssertGreaterThan(outcomes["refused"] ?? 0, iterations / 10, "the mutations are too timid")
    }

    /// `rendered`, `refused` (an error naming the evidence file), or `wrong` (any other failure, reported).
    private func build(_ site: EvidenceFuzzSite, context: String) -> String {
        do {
            try site.build()
            return "rendered"
        } catch let error as EvidentError where "\(error)".contains(Self.folder) {
            return "refused"
        } catch {
            XCTFail("\(error) does not name the evidence file: \(context)")
            return "wrong"
        }
    }

    /// Runs `evident build --frozen` on the mutated site: it exits 0 when the in-process build rendered, 1 with
    /// the evidence file in its message when it refused.
    private func checkCommandLine(_ site: EvidenceFuzzSite, expecting outcome: String, context: String) throws {
        let run = try EvidentCLI.run(["build", "--site", site.site.folder.path, "--frozen", "--quiet"], limit: 30)
        XCTAssertEqual(run.status, outcome == "rendered" ? 0 : 1, "\(run.stderr)\n\(context)")
        if outcome == "refused" {
            XCTAssertTrue(run.stderr.hasPrefix("error: "), "\(run.stderr)\n\(context)")
            XCTAssertTrue(run.stderr.contains(Self.folder), "\(run.stderr)\n\(context)")
        }
    }
}
