import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// `.js` experiments run with `node` and the bundled `evident_bench.js` (written out as a build writes it), under
/// the same protocol as Python and Swift ones.
final class RunnerNodeExperimentTests: XCTestCase {
    private let location = SourceLocation(file: "content/essay/index.md", line: 7)
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("evident-node-\(UUID())")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: cache)
    }

    private func invocation(_ path: String) throws -> ExperimentInvocation {
        let helpers = try BundledHelpers.folder(cache: cache).path
        let toolchain = ExperimentToolchain(
            python: python3(), helpers: helpers,
            swiftCompiler: SwiftExperimentCompiler(cacheDirectory: cache.path, bundledHelper: helpers))
        return try ExperimentInvocation(
            experiment: fixture(path), named: "experiments/\((path as NSString).lastPathComponent)", at: location,
            toolchain: toolchain)
    }

    func testRunsANodeExperimentWithTheBundledHelper() throws {
        let experiment = try invocation("node/counts.js")
        XCTAssertEqual(experiment.program.first, "node")
        XCTAssertEqual(experiment.workingDirectory, fixture("node"))
        let run = try experiment.run(
            variants: ["double"], params: ["n": "21"], samples: 3, warmup: 2, timeout: .seconds(30))
        XCTAssertEqual(run.samples.map(\.value), [42, 42, 42])
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture("node")).count
        let cwd = try experiment.run(variants: ["cwd"], params: [:], samples: 1, warmup: 0, timeout: nil)
        XCTAssertEqual(cwd.samples.first?.value, Double(files))
    }

    func testALocalHelperWinsOverTheBundledOne() throws {
        let run = try invocation("node_local/counts.js").run(
            variants: ["double"], params: ["n": "1"], samples: 1, warmup: 0, timeout: nil)
        XCTAssertEqual(run.samples.first?.extra["helper"], .string("local"))
    }

    func testAMissingParameterFailsWithTheHelpersMessage() throws {
        do {
            _ = try invocation("node/counts.js").run(
                variants: ["double"], params: [:], samples: 1, warmup: 0, timeout: nil)
            XCTFail("ran without its parameter")
        } catch let error as EvidentError {
            XCTAssertEqual(error.location, location)
            XCTAssertTrue(error.message.contains("exited with status 2"), error.message)
            XCTAssertTrue(error.message.contains("variant double needs --param n=..."), error.message)
        }
    }
}
