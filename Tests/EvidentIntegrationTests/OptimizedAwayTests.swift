import EvidentTestSupport
import Foundation
import XCTest

/// A Swift variant whose result goes nowhere is optimized down to nothing by `swiftc -O`, as the runner compiles
/// it: with `work:` declared, its cells are marked, a claim that rests on them says so, and `--strict` and `check`
/// fail; the same loop kept alive by `blackHole` is measured as work.
final class OptimizedAwayTests: XCTestCase {
    private static let experiment = """
        let bench = Bench()
        bench.variant("dropped") { p in
            var hash = 0
            for i in 0..<p.int("n") { hash = hash &* 31 &+ i }
        }
        bench.variant("kept") { p in
            var hash = 0
            for i in 0..<p.int("n") { hash = hash &* 31 &+ i }
            blackHole(hash)
        }
        await bench.main()

        """

    func testAVariantTheOptimizerEmptiedIsMarkedAndFailsStrict() throws {
        let site = try makeSite("sites/basic")
        try site.write("content/first-essay/experiments/Loop.swift", Self.experiment)
        let essay = try site.read("content/first-essay/index.md")
        try site.write(
            "content/first-essay/index.md",
            essay
                + "\n```bench\nid: loop\ntitle: A loop\nexperiment: experiments/Loop.swift\nvariants: [kept, dropped]\n"
                + "params:\n  n: [1000, 100000]\nwork: n\nsamples: 20\nclaims:\n  - dropped faster than kept\n```\n")
        let build = try EvidentCLI.run(["build", "--site", site.folder.path], limit: 300)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stdout.contains("1 claim rests on work that may have been optimized away"), build.stdout)

        let page = try site.read("public/first-essay/index.html")
        XCTAssertTrue(
            page.contains(#"<li class="note implausible"><span aria-hidden="true">⚠ </span>dropped at n=1000: "#), page)
        XCTAssertTrue(page.contains("faster than any CPU: the work may have been optimized away"), page)
        XCTAssertFalse(
            page.contains(#"<li class="note implausible"><span aria-hidden="true">⚠ </span>kept at"#),
            "the loop kept alive does its work")
        XCTAssertTrue(page.contains("rests on a cell whose work may have been optimized away"), page)

        let strict = try EvidentCLI.run(["build", "--site", site.folder.path, "--frozen", "--strict"])
        XCTAssertEqual(strict.status, 3, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("rest on cells implausibly fast for their declared work"), strict.stderr)
        XCTAssertEqual(try EvidentCLI.run(["check", "--site", site.folder.path]).status, 3)
    }
}
