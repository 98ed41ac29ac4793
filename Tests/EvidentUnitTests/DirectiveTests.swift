import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// A temporary essay folder, `content/x/`, with the experiment and snippet files the directive tests name.
final class DirectiveEssay {
    /// The essay as messages name it.
    static let file = "content/x/index.md"
    /// The line of the opening fence in every test: a body's YAML line k is essay line 10 + k.
    static let fence = 10

    let fixture: FixtureSite
    var site: URL { fixture.folder }
    var folder: URL { site.appendingPathComponent("content/x") }

    init() throws {
        let files = [
            "experiments/await_loop.py", "experiments/AwaitLoop.swift", "experiments/notes.txt",
            "experiments/repl/await_sleep.ipy", "experiments/repl/timeit_await.ipy",
        ]
        fixture = try FixtureSite(files: Dictionary(uniqueKeysWithValues: files.map { ("content/x/\($0)", "") }))
    }

    deinit {
        fixture.remove()
    }

    /// Writes an empty file at `path`, relative to the essay folder.
    func write(_ path: String) throws {
        try fixture.write("content/x/\(path)", "")
    }

    func parse(_ kind: DirectiveKind, _ yaml: String, defaults: DirectiveDefaults = DirectiveDefaults()) throws
        -> Directive
    {
        try Directive.parse(
            kind: kind, yaml: yaml, file: Self.file, line: Self.fence, essayFolder: folder, defaults: defaults)
    }

    func bench(_ yaml: String, defaults: DirectiveDefaults = DirectiveDefaults()) throws -> BenchDirective {
        guard case .bench(let bench) = try parse(.bench, yaml, defaults: defaults) else {
            throw CocoaError(.coderInvalidValue)
        }
        return bench
    }

    func probe(_ yaml: String, defaults: DirectiveDefaults = DirectiveDefaults()) throws -> ProbeDirective {
        guard case .probe(let probe) = try parse(.probe, yaml, defaults: defaults) else {
            throw CocoaError(.coderInvalidValue)
        }
        return probe
    }

    /// The message of the error parsing `yaml` throws, or a note that it threw none.
    func error(_ kind: DirectiveKind = .bench, _ yaml: String, defaults: DirectiveDefaults = DirectiveDefaults())
        -> String
    {
        do {
            _ = try parse(kind, yaml, defaults: defaults)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    /// A fixture body from `Tests/Fixtures/directives/`.
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/directives/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }
}

final class DirectiveTests: XCTestCase {
    func testDesignBenchExampleParses() throws {
        let essay = try DirectiveEssay()
        let bench = try essay.bench(DirectiveEssay.fixture("bench-await-loop.yml"))
        XCTAssertEqual(bench.id, "await-loop")
        XCTAssertEqual(bench.title, "A loop of awaits is still a loop")
        XCTAssertNil(bench.caption)
        XCTAssertEqual(bench.variants.map(\.name), ["sync", "await_loop", "gather", "threads"])
        XCTAssertEqual(bench.variants[2].source, .experiment(path: "experiments/await_loop.py", variant: "gather"))
        XCTAssertEqual(bench.experiments, ["experiments/await_loop.py"])
        XCTAssertEqual(bench.baseline, "sync")
        XCTAssertEqual(
            bench.params,
            [BenchParam(name: "n", values: ["10", "100"]), BenchParam(name: "latency_ms", values: ["2"])])
        XCTAssertEqual(bench.cells, [["n": "10", "latency_ms": "2"], ["n": "100", "latency_ms": "2"]])
        XCTAssertEqual(bench.metrics, ["wall_ns"])
        XCTAssertEqual(bench.samples, .auto)
        XCTAssertEqual(bench.precision, 0.03)
        XCTAssertEqual(bench.minSamples, 10)
        XCTAssertEqual(bench.maxSamples, 1000)
        XCTAssertEqual(bench.warmup, 1)
        XCTAssertEqual(bench.budget, .seconds(30))
        XCTAssertEqual(bench.timeout, .seconds(60))
        XCTAssertEqual(
            bench.claims,
            [
                DirectiveClaim(
                    text: "await_loop within 10% of sync", location: SourceLocation(file: DirectiveEssay.file, line: 26)
                ),
                DirectiveClaim(
                    text: "gather at least 5x faster than sync at n=100",
                    location: SourceLocation(file: DirectiveEssay.file, line: 27)),
            ])
        XCTAssertEqual(bench.location, SourceLocation(file: DirectiveEssay.file, line: 10))
    }

    func testDesignVariantMapExampleParses() throws {
        let essay = try DirectiveEssay()
        let bench = try essay.bench(DirectiveEssay.fixture("bench-variant-map.yml"))
        XCTAssertEqual(
            bench.variants,
            [
                BenchVariant(
                    name: "python_gather", source: .experiment(path: "experiments/await_loop.py", variant: "gather")),
                BenchVariant(
                    name: "swift_task_group",
                    source: .experiment(path: "experiments/AwaitLoop.swift", variant: "task_group")),
            ])
        XCTAssertEqual(bench.experiments, ["experiments/await_loop.py", "experiments/AwaitLoop.swift"])
        XCTAssertEqual(bench.baseline, "python_gather")
        XCTAssertEqual(bench.cells, [[:]])
    }

    func testDesignProbeExampleParses() throws {
        let essay = try DirectiveEssay()
        let probe = try essay.probe(DirectiveEssay.fixture("probe-top-level-await.yml"))
        XCTAssertEqual(probe.id, "top-level-await")
        XCTAssertEqual(probe.title, "Top-level await in the REPL")
        XCTAssertEqual(
            probe.tools,
            [
                ProbeTool(name: "python", command: "python -i"),
                ProbeTool(name: "python -m asyncio", command: "python -m asyncio"),
                ProbeTool(name: "ipython", command: "ipython --no-banner --quick --colors=NoColor {file}"),
            ])
        XCTAssertEqual(probe.tools.map(\.takesFile), [false, false, true])
        XCTAssertEqual(
            probe.snippets,
            [
                ProbeSnippet(name: "top-level await", path: "experiments/repl/await_sleep.ipy"),
                ProbeSnippet(name: "%timeit await", path: "experiments/repl/timeit_await.ipy"),
            ])
        XCTAssertEqual(probe.marker, "PROBE-OK")
        XCTAssertEqual(probe.timeout, .seconds(20))
        XCTAssertEqual(
            probe.claims.map(\.text), ["ipython works on top-level await", "python fails on top-level await"])
        XCTAssertEqual(probe.claims.map(\.location.line), [23, 24])
    }

    func testCommonAccessors() throws {
        let essay = try DirectiveEssay()
        let directive = try essay.parse(
            .probe,
            """
            id: repl
            title: REPLs
            caption: Only `ipython` runs it.
            tools: {python: python -i}
            snippets: {sleep: experiments/repl/await_sleep.ipy}
            """)
        XCTAssertEqual(directive.kind, .probe)
        XCTAssertEqual(directive.id, "repl")
        XCTAssertEqual(directive.title, "REPLs")
        XCTAssertEqual(directive.caption, "Only `ipython` runs it.")
        XCTAssertEqual(directive.claims, [])
        XCTAssertEqual(directive.location, SourceLocation(file: DirectiveEssay.file, line: 10))
    }

    func testDuplicateIDsNameBothLines() throws {
        let essay = try DirectiveEssay()
        let first = try Directive.parse(
            kind: .probe, yaml: "id: a\ntitle: A\ntools: {p: p}\nsnippets: {s: experiments/notes.txt}",
            file: DirectiveEssay.file, line: 4, essayFolder: essay.folder)
        let other = try Directive.parse(
            kind: .probe, yaml: "id: b\ntitle: B\ntools: {p: p}\nsnippets: {s: experiments/notes.txt}",
            file: DirectiveEssay.file, line: 12, essayFolder: essay.folder)
        let second = try Directive.parse(
            kind: .probe, yaml: "id: a\ntitle: C\ntools: {p: p}\nsnippets: {s: experiments/notes.txt}",
            file: DirectiveEssay.file, line: 30, essayFolder: essay.folder)
        XCTAssertNoThrow(try Directive.checkUniqueIDs([first, other]))
        XCTAssertThrowsError(try Directive.checkUniqueIDs([first, other, second])) { error in
            XCTAssertEqual(
                "\(error)",
                "content/x/index.md:30: duplicate id `a`: the directive on line 4 has it too "
                    + "— give each directive of the essay its own id")
        }
    }
}
