import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

final class RunnerExperimentTests: XCTestCase {
    private let location = SourceLocation(file: "content/essay/index.md", line: 7)
    private var cache = ""

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("evident-runner-\(UUID())").path
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: cache)
    }

    private var toolchain: ExperimentToolchain {
        ExperimentToolchain(
            python: python3(), helpers: fixture("helpers"),
            swiftCompiler: SwiftExperimentCompiler(
                cacheDirectory: cache, bundledHelper: fixture("swift_helper/EvidentBench.swift")))
    }

    private func invocation(_ path: String) throws -> ExperimentInvocation {
        try ExperimentInvocation(
            experiment: fixture(path), named: "experiments/\((path as NSString).lastPathComponent)", at: location,
            toolchain: toolchain)
    }

    private func failure(_ path: String, variant: String = "double", timeout: Duration? = nil) -> EvidentError? {
        do {
            _ = try invocation(path).run(variants: [variant], params: [:], samples: 1, warmup: 0, timeout: timeout)
            return nil
        } catch {
            return error as? EvidentError
        }
    }

    func testBuildsTheProtocolArguments() {
        XCTAssertEqual(
            ExperimentInvocation.arguments(
                variants: ["gather"], params: ["n": "100", "latency_ms": "2"], samples: 5, warmup: 1),
            [
                "--variant", "gather", "--param", "latency_ms=2", "--param", "n=100", "--samples", "5", "--warmup", "1",
            ])
    }

    func testRunsAPythonExperimentWithTheBundledHelper() throws {
        let experiment = try invocation("experiments/counts.py")
        XCTAssertEqual(experiment.workingDirectory, fixture("experiments"))
        XCTAssertEqual(experiment.environment["PYTHONPATH"], fixture("helpers"))
        XCTAssertEqual(experiment.environment["PYTHONHASHSEED"], "0")
        let run = try experiment.run(
            variants: ["double"], params: ["n": "21"], samples: 3, warmup: 2, timeout: .seconds(30))
        XCTAssertEqual(run.samples.map(\.value), [42, 42, 42])
        XCTAssertEqual(run.samples.map { $0.extra["sample"] }, [.number(0), .number(1), .number(2)])
        XCTAssertEqual(run.samples.first?.extra["helper"], .string("bundled"))
        XCTAssertEqual(run.samples.first?.extra["warmup"], .number(2))
        XCTAssertTrue(run.process.succeeded)
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture("experiments")).count
        let cwd = try experiment.run(variants: ["cwd"], params: [:], samples: 1, warmup: 0, timeout: nil)
        XCTAssertEqual(cwd.samples.first?.value, Double(files))
    }

    func testALocalHelperWinsOverTheBundledOne() throws {
        let run = try invocation("local/counts.py").run(
            variants: ["double"], params: ["n": "1"], samples: 1, warmup: 0, timeout: nil)
        XCTAssertEqual(run.samples.first?.extra["helper"], .string("local"))
    }

    func testAFailingExperimentReportsItsStatusAndStderr() throws {
        let error = try XCTUnwrap(failure("experiments/fails.py"))
        XCTAssertEqual(error.location, location)
        XCTAssertTrue(error.message.hasPrefix("experiment experiments/fails.py (variant double) exited with status 1"))
        XCTAssertTrue(error.message.hasSuffix("\n    setting up\n    cannot reach the database\n"), error.message)
        XCTAssertTrue(error.fix?.contains("PYTHONPATH=") ?? false, error.fix ?? "")
        XCTAssertTrue(error.fix?.contains("fails.py --variant double --samples 1 --warmup 0") ?? false)
    }

    func testBadOutputNamesTheLine() throws {
        let error = try XCTUnwrap(failure("experiments/garbage.py"))
        XCTAssertTrue(error.message.contains("line 3, not JSON: `warming up...`"), error.message)
    }

    func testAHangIsKilledAtTheTimeout() throws {
        let started = Date()
        let error = try XCTUnwrap(failure("experiments/hangs.py", timeout: .milliseconds(500)))
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        XCTAssertTrue(error.message.contains("ran past its time-out of 0.5 s and was killed"), error.message)
    }

    func testAnUnknownVariantFailsWithTheHelpersMessage() throws {
        let error = try XCTUnwrap(failure("experiments/counts.py", variant: "nope"))
        XCTAssertTrue(error.message.contains("exited with status 2"), error.message)
        XCTAssertTrue(error.message.contains("unknown variant nope"), error.message)
    }

    func testCompilesASwiftExperimentOnceAndReusesIt() throws {
        let first = try invocation("swift/Tiny.swift")
        let executable = try XCTUnwrap(first.program.first)
        XCTAssertTrue(executable.hasPrefix(cache + "/"))
        XCTAssertEqual(first.workingDirectory, fixture("swift"))
        let run = try first.run(variants: ["triple"], params: [:], samples: 3, warmup: 0, timeout: .seconds(30))
        XCTAssertEqual(run.samples.map(\.value), [0, 3, 6])

        let built = try FileManager.default.attributesOfItem(atPath: executable)[.modificationDate] as? Date
        let started = Date()
        let second = try invocation("swift/Tiny.swift")
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5)
        XCTAssertEqual(second.program, first.program)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: executable)[.modificationDate] as? Date, built)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache)
        XCTAssertEqual(entries.count, 1, "no temporary build folder is left: \(entries)")
    }

    func testASwiftCompileErrorQuotesTheCompiler() throws {
        do {
            _ = try invocation("swift/Broken.swift")
            XCTFail("compiled")
        } catch let error as EvidentError {
            XCTAssertEqual(error.location, location)
            XCTAssertTrue(error.message.hasPrefix("experiments/Broken.swift does not compile"), error.message)
            XCTAssertTrue(error.message.contains("Broken.swift:2:"), error.message)
            XCTAssertTrue(error.message.contains("error: cannot convert value of type 'String'"), error.message)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache), [])
    }
}
