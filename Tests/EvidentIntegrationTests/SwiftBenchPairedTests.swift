import EvidentSystem
import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// The bundled `EvidentBench.swift` (written out as a build writes it) in paired samples: given `--variant` more
/// than once, one process runs every named variant, alternating in pairs of balanced order.
final class SwiftBenchPairedTests: XCTestCase {
    /// Variants `a` to `d` that sleep long enough to be timed call by call and report how often they ran, and `ten`,
    /// timed ten calls a sample, which reports a metric on every call.
    private static let experiment = """
        #if canImport(Glibc)
            import Glibc
        #endif

        final class Counts { var calls: [String: Int] = [:] }
        let counts = Counts()
        let bench = Bench()
        bench.setUp { _ in print("set-up") }
        bench.tearDown { _ in print("tear-down") }
        for name in ["a", "b", "c", "d"] {
            bench.variant(name) { p in
                usleep(200)
                counts.calls[name, default: 0] += 1
                p.report("call", Double(counts.calls[name]!))
            }
        }
        bench.variant("ten", number: 10) { p in p.report("ten", 1) }
        await bench.main()

        """

    private struct Line: Decodable {
        var metric: String
        var value: Double
        var number: Int?
        var variant: String?
        var pair: Int?
    }

    private struct Run {
        var lines: [Line]
        var stdout: String
        var stderr: String
        var termination: ProcessResult.Termination
    }

    private static let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "evident-paired-\(UUID())")

    /// The compiled experiment, built once for all the tests (a build with `-O` takes seconds).
    private static let executable = Result {
        let helper = try BundledHelpers.folder(cache: folder).appendingPathComponent(BundledHelpers.swift)
        let source = folder.appendingPathComponent("experiments/Paired.swift")
        try FileManager.default.createDirectory(
            at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(experiment.utf8).write(to: source)
        let compiler = SwiftExperimentCompiler(
            cacheDirectory: folder.appendingPathComponent("swift").path, bundledHelper: helper.path)
        return try compiler.executable(
            for: source.path, named: "experiments/Paired.swift",
            at: SourceLocation(file: "content/essay/index.md", line: 1))
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        super.tearDown()
    }

    private func run(_ arguments: [String]) throws -> Run {
        let result = try Subprocess(
            [try Self.executable.get()] + arguments, environment: Subprocess.cleanEnvironment(),
            timeout: .seconds(60)
        ).run()
        let stdout = String(decoding: result.stdout, as: UTF8.self)
        let lines = try stdout.split(separator: "\n").filter { $0.hasPrefix("{") }.map {
            try JSONDecoder().decode(Line.self, from: Data($0.utf8))
        }
        return Run(lines: lines, stdout: stdout, stderr: result.stderrText, termination: result.termination)
    }

    /// The order of the variants in each pair, from lines that must come pair by pair, numbered from 0.
    private func pairOrders(_ lines: [Line]) -> [String] {
        var orders: [String] = []
        for line in lines {
            if line.pair == orders.count { orders.append("") }
            XCTAssertEqual(line.pair, orders.count - 1, "lines out of pair order")
            if line.metric == "wall_ns" { orders[orders.count - 1] += line.variant ?? "?" }
        }
        return orders
    }

    func testEachPairRunsEveryVariantOnceMirroredOnOddPairs() throws {
        let arguments = [
            "--variant", "a", "--variant", "b", "--variant", "c", "--samples", "6", "--warmup", "1", "--seed", "5",
        ]
        let paired = try run(arguments)
        XCTAssertEqual(paired.termination, .exited(0), paired.stderr)
        let orders = pairOrders(paired.lines)
        XCTAssertEqual(orders.count, 6)
        for (j, order) in orders.enumerated() {
            XCTAssertEqual(order.sorted(), ["a", "b", "c"])
            if j % 2 == 1 { XCTAssertEqual(order, String(orders[j - 1].reversed())) }
        }
        // Each variant's first call, timed while calibrating, is its sample of the warm-up pair, which is not printed.
        XCTAssertEqual(paired.lines.filter { $0.metric == "call" }.prefix(3).map(\.value), [2, 2, 2])
        XCTAssertEqual(paired.stdout.components(separatedBy: "set-up\n").count, 2, "one set-up for all")
        XCTAssertTrue(paired.stdout.hasSuffix("}\ntear-down\n"), paired.stdout)
        XCTAssertEqual(pairOrders(try run(arguments).lines), orders, "the same seed gives the same order")
    }

    func testTheOrderIsTheNodeHelpersForTheSameSeed() throws {
        let paired = try run([
            "--variant", "a", "--variant", "b", "--variant", "c", "--variant", "d", "--samples", "4", "--warmup", "0",
            "--seed", "7",
        ])
        XCTAssertEqual(pairOrders(paired.lines), ["bcad", "dacb", "bacd", "dcab"])
    }

    func testEveryLineNamesItsVariantAndPairAndKeepsItsNumber() throws {
        let paired = try run(["--variant", "ten", "--variant", "a", "--samples", "2", "--warmup", "0"])
        XCTAssertEqual(paired.termination, .exited(0), paired.stderr)
        let ten = paired.lines.filter { $0.variant == "ten" }
        XCTAssertEqual(ten.map(\.metric), ["wall_ns", "ten", "wall_ns", "ten"], "one line a metric, not one a call")
        XCTAssertEqual(ten.map(\.pair), [0, 0, 1, 1])
        XCTAssertEqual(ten.first?.number, 10)
        XCTAssertEqual(paired.lines.filter { $0.variant == "a" }.map(\.metric), ["wall_ns", "call", "wall_ns", "call"])
    }

    func testOneVariantPrintsAsBefore() throws {
        let single = try run(["--variant", "a", "--samples", "2", "--warmup", "1", "--seed", "3"])
        XCTAssertEqual(single.termination, .exited(0), single.stderr)
        XCTAssertEqual(single.lines.map(\.metric), ["wall_ns", "call", "wall_ns", "call"])
        XCTAssertEqual(single.lines.filter { $0.metric == "call" }.map(\.value), [2, 3])
        XCTAssertFalse(single.stdout.contains("\"variant\"") || single.stdout.contains("\"pair\""), single.stdout)
    }

    func testAVariantNamedTwiceOrUnknownIsAUsageError() throws {
        let cases = [
            (["--variant", "a", "--variant", "a"], "a variant is named twice"),
            (["--variant", "a", "--variant", "e"], "unknown variant 'e'"),
            (["--variant", "a", "--variant", "b", "--seed", "x"], "--seed x is not an integer"),
        ]
        for (arguments, message) in cases {
            let refused = try run(arguments + ["--samples", "1"])
            XCTAssertEqual(refused.termination, .exited(2), refused.stderr)
            XCTAssertEqual(refused.lines.count, 0)
            XCTAssertTrue(refused.stderr.contains(message), refused.stderr)
        }
    }
}
