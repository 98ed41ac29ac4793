import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

final class InlineReferenceTests: XCTestCase {
    private let location = SourceLocation(file: "content/x/index.md", line: 42)

    private func parse(_ literal: String) throws -> InlineReference? {
        try InlineReference.parse(literal, location: location)
    }

    /// The message of the error parsing and validating `literal` against the DESIGN.md bench and probe throws.
    private func error(_ literal: String) throws -> String {
        let essay = try DirectiveEssay()
        let directives = [
            try essay.parse(.bench, DirectiveEssay.fixture("bench-await-loop.yml")),
            try essay.parse(.probe, DirectiveEssay.fixture("probe-top-level-await.yml")),
        ]
        do {
            try parse(literal)?.validate(against: directives)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testDesignExample() throws {
        let reference = try XCTUnwrap(parse("=await-loop.gather.speedup@n=100"))
        XCTAssertEqual(reference.text, "=await-loop.gather.speedup@n=100")
        XCTAssertEqual(reference.id, "await-loop")
        XCTAssertEqual(reference.variant, "gather")
        XCTAssertEqual(reference.stat, .speedup)
        XCTAssertNil(reference.metric)
        XCTAssertEqual(reference.params, ["n": "100"])
        XCTAssertEqual(reference.location, location)
        let essay = try DirectiveEssay()
        let directive = try essay.parse(.bench, DirectiveEssay.fixture("bench-await-loop.yml"))
        let target = try reference.validate(against: [directive])
        XCTAssertEqual(target.variant, "gather")
        XCTAssertEqual(target.stat, .speedup)
        XCTAssertEqual(target.metric, "wall_ns")
        XCTAssertEqual(target.cell, ["n": "100", "latency_ms": "2"])
        XCTAssertEqual(target.bench.id, "await-loop")
    }

    func testEveryStatMetricAndSeveralParams() throws {
        for stat in InlineReference.Stat.allCases {
            XCTAssertEqual(try parse("=a.b.\(stat.rawValue)")?.stat, stat)
        }
        let reference = try XCTUnwrap(parse("=await-loop.sync.median:wall_ns@n=10,latency_ms=2"))
        XCTAssertEqual(reference.metric, "wall_ns")
        XCTAssertEqual(reference.params, ["n": "10", "latency_ms": "2"])
        XCTAssertEqual(try error("=await-loop.sync.median:wall_ns@n=10,latency_ms=2"), "no error")
        XCTAssertEqual(try error("=await-loop.threads.ci@latency_ms=2,n=10"), "no error")
    }

    func testSpansThatAreNotReferences() throws {
        for literal in ["", "x = 1", "=", "==", "=>", "= 5", "=Await-loop.a.n"] {
            XCTAssertNil(try parse(literal), literal)
        }
    }

    func testBadGrammar() throws {
        let fix =
            "write `=ID.VARIANT.STAT`, optionally with `:METRIC` and `@k=v,…`, like `=await-loop.gather.speedup@n=100`"
        for literal in [
            "=await-loop.gather", "=await-loop.gather.median.x", "=await-loop..median", "=await_loop.gather.median",
            "=await-loop.gather.median@", "=await-loop.gather.median@n", "=await-loop.gather.median@n=",
            "=await-loop.gather.median@n=1,", "=await-loop.gather.median:", "=await-loop.gather.median:wall ns",
        ] {
            XCTAssertThrowsError(try parse(literal), literal) { error in
                XCTAssertEqual("\(error)", "content/x/index.md:42: bad inline reference `\(literal)` — \(fix)")
            }
        }
    }

    func testUnknownStatAndRepeatedParameter() throws {
        XCTAssertEqual(
            try error("=await-loop.gather.mean"),
            "content/x/index.md:42: unknown stat `mean` in `=await-loop.gather.mean` "
                + "— use one of: median, ratio, speedup, ci, n")
        XCTAssertEqual(
            try error("=await-loop.gather.n@n=10,n=100"),
            "content/x/index.md:42: `n` is given twice in `=await-loop.gather.n@n=10,n=100` — name each parameter once")
    }

    func testUnknownID() throws {
        XCTAssertEqual(
            try error("=await-lop.gather.median@n=10"),
            "content/x/index.md:42: unknown id `await-lop` in `=await-lop.gather.median@n=10` "
                + "— did you mean `await-loop`? The ids: await-loop, top-level-await")
    }

    func testValidationAgainstNoDirectives() throws {
        let reference = try XCTUnwrap(parse("=a.b.n"))
        XCTAssertThrowsError(try reference.validate(against: [])) { error in
            XCTAssertEqual(
                "\(error)", "content/x/index.md:42: unknown id `a` in `=a.b.n` — this essay has no directive to cite")
        }
    }

    func testUnknownVariantMetricAndProbe() throws {
        XCTAssertEqual(
            try error("=await-loop.gathr.median@n=10"),
            "content/x/index.md:42: `await-loop` has no variant `gathr` "
                + "— did you mean `gather`? The variants: sync, await_loop, gather, threads")
        XCTAssertEqual(
            try error("=await-loop.gather.median:cpu_ns@n=10"),
            "content/x/index.md:42: `await-loop` does not measure `cpu_ns` — use one of the metrics: wall_ns")
        XCTAssertEqual(
            try error("=top-level-await.ipython.n"),
            "content/x/index.md:42: `top-level-await` is a probe; inline references cite the numbers of a bench "
                + "— cite a bench's id")
    }

    func testCells() throws {
        XCTAssertEqual(
            try error("=await-loop.gather.median@m=10"),
            "content/x/index.md:42: `await-loop` has no parameter `m` "
                + "— did you mean `n`? The parameters: n, latency_ms")
        XCTAssertEqual(
            try error("=await-loop.gather.median@n=1000"),
            "content/x/index.md:42: `await-loop` has no cell with n=1000 — n is one of: 10, 100")
        XCTAssertEqual(
            try error("=await-loop.gather.median"),
            "content/x/index.md:42: `=await-loop.gather.median` does not say which cell "
                + "— add a value after `@` for n (10, 100)")
        XCTAssertEqual(
            try error("=await-loop.gather.median@latency_ms=3,n=10"),
            "content/x/index.md:42: `await-loop` has no cell with latency_ms=3 — latency_ms is one of: 2")
    }

    func testParameterOnABenchWithoutParameters() throws {
        let essay = try DirectiveEssay()
        let directive = try essay.parse(.bench, DirectiveEssay.fixture("bench-variant-map.yml"))
        let reference = try XCTUnwrap(parse("=across-languages.python_gather.median@n=1"))
        XCTAssertThrowsError(try reference.validate(against: [directive])) { error in
            XCTAssertEqual(
                "\(error)",
                "content/x/index.md:42: `across-languages` has no parameter `n` — remove `@…`: it has no parameters")
        }
        XCTAssertEqual(
            try XCTUnwrap(parse("=across-languages.swift_task_group.ratio")).validate(against: [directive]).cell, [:])
    }
}
