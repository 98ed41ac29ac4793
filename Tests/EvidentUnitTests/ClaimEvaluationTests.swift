import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// Verdicts from confidence intervals, over one or several cells, and for probes.
final class ClaimEvaluationTests: XCTestCase {
    private let here = SourceLocation(file: "content/async/index.md", line: 3)

    private func claim(_ text: String, params: [String: [String]] = ["n": ["10", "100"]]) throws -> Claim {
        try Claim.parse(text, variants: ["a", "b"], params: params, metrics: ["wall_ns"], location: here)
    }

    /// Forty evenly spread values within ±`spread` of `center`: a narrow, known bootstrap interval.
    private func around(_ center: Double, spread: Double = 0.01) -> [Double] {
        (0..<40).map { center * (1 - spread + 2 * spread * Double($0) / 39) }
    }

    func testVerdictOfOneInterval() {
        let cases: [(Claim.Relation, ClosedRange<Double>, Verdict)] = [
            (.within(percent: 10), 0.95...1.05, .holds),
            (.within(percent: 10), 0.9...1.1, .holds),
            (.within(percent: 10), 1.05...1.2, .inconclusive),
            (.within(percent: 10), 0.5...1.5, .inconclusive),
            (.within(percent: 10), 1.2...1.3, .contradicted),
            (.within(percent: 10), 0.5...0.8, .contradicted),
            (.within(percent: 0), 1...1, .holds),
            (.within(percent: 100), 0...1.9, .holds),
            (.within(percent: 150), 0.01...2.5, .holds),
            (.within(percent: 150), 2.6...3, .contradicted),
            (.lower(atLeast: nil), 0.5...0.99, .holds),
            (.lower(atLeast: nil), 0.5...1, .inconclusive),
            (.lower(atLeast: nil), 1...1.2, .contradicted),
            (.lower(atLeast: 5), 0.1...0.2, .holds),
            (.lower(atLeast: 5), 0.15...0.25, .inconclusive),
            (.lower(atLeast: 5), 0.21...0.3, .contradicted),
            (.lower(atLeast: 5), 0...0.1, .holds),
            (.higher(atLeast: nil), 1.01...2, .holds),
            (.higher(atLeast: nil), 1...2, .inconclusive),
            (.higher(atLeast: nil), 0.5...1, .contradicted),
            (.higher(atLeast: 1.5), 1.5...1.7, .holds),
            (.higher(atLeast: 1.5), 1.4...1.7, .inconclusive),
            (.higher(atLeast: 1.5), 1.2...1.49, .contradicted),
        ]
        for (relation, ci, expected) in cases {
            XCTAssertEqual(relation.verdict(for: ci), expected, "\(relation) on \(ci)")
        }
    }

    func testOneCellFromSamples() throws {
        let samples = { (variant: String, _: [String: String], metric: String) -> [Double]? in
            XCTAssertEqual(metric, "wall_ns")
            return variant == "a" ? self.around(1_000) : self.around(2_000)
        }
        let expectations: [(String, Verdict, Double)] = [
            ("a at least 1.5x faster than b at n=10", .holds, 0.5),
            ("a faster than b at n=10", .holds, 0.5),
            ("a at least 2x faster than b at n=10", .inconclusive, 0.5),
            ("a at least 3x faster than b at n=10", .contradicted, 0.5),
            ("a within 10% of b at n=10", .contradicted, 0.5),
            ("a within 100% of b at n=10", .holds, 0.5),
            ("b at least 1.9x slower than a at n=10", .holds, 2),
            ("b at least 2.5x slower than a at n=10", .contradicted, 2),
        ]
        for (text, verdict, ratio) in expectations {
            let result = try claim(text).evaluate(samples: samples)
            XCTAssertEqual(result.verdict, verdict, text)
            XCTAssertEqual(result.params, ["n": "10"], text)
            XCTAssertEqual(result.ratio?.ratio ?? 0, ratio, accuracy: 1e-12, text)
            XCTAssertTrue(result.ratio?.ci.contains(ratio) ?? false, text)
        }
    }

    func testEveryCellMustHoldAndTheTightestIsShown() throws {
        let result = try claim("a at least 2x faster than b").evaluate { variant, params, _ in
            variant == "b" ? self.around(1_000) : self.around(params["n"] == "10" ? 300 : 400)
        }
        XCTAssertEqual(result.verdict, .holds)
        XCTAssertEqual(result.params, ["n": "100"])
        XCTAssertEqual(result.ratio?.ratio ?? 0, 0.4, accuracy: 1e-12)
    }

    func testOneContradictedCellContradictsAndIsShown() throws {
        let result = try claim("a at least 2x faster than b").evaluate { variant, params, _ in
            variant == "b" ? self.around(1_000) : self.around(params["n"] == "10" ? 300 : 800)
        }
        XCTAssertEqual(result.verdict, .contradicted)
        XCTAssertEqual(result.params, ["n": "100"])
    }

    func testMostContradictedCellIsShown() throws {
        let claim = try claim("a faster than b", params: ["n": ["1", "2", "3"]])
        let result = claim.evaluate { variant, params, _ in
            variant == "b" ? self.around(1_000) : self.around(["1": 1_500, "2": 3_000, "3": 500][params["n"]!]!)
        }
        XCTAssertEqual(result.verdict, .contradicted)
        XCTAssertEqual(result.params, ["n": "2"])
    }

    func testAStraddlingCellMakesTheClaimInconclusive() throws {
        let result = try claim("a within 10% of b").evaluate { variant, params, _ in
            variant == "b" ? self.around(1_000) : self.around(params["n"] == "10" ? 1_000 : 1_100, spread: 0.05)
        }
        XCTAssertEqual(result.verdict, .inconclusive)
        XCTAssertEqual(result.params, ["n": "100"])
        XCTAssertNotNil(result.ratio)
    }

    func testMissingCellIsInconclusiveAndShown() throws {
        let result = try claim("a faster than b").evaluate { variant, params, _ in
            guard params["n"] == "10" else { return nil }
            return variant == "a" ? self.around(100) : self.around(200)
        }
        XCTAssertEqual(result, ClaimResult(verdict: .inconclusive, params: ["n": "100"], ratio: nil))
    }

    func testMissingCellDoesNotHideAContradiction() throws {
        let result = try claim("a faster than b").evaluate { variant, params, _ in
            guard params["n"] == "10" else { return nil }
            return variant == "a" ? self.around(300) : self.around(200)
        }
        XCTAssertEqual(result.verdict, .contradicted)
        XCTAssertEqual(result.params, ["n": "10"])
    }

    func testUndefinedRatioIsInconclusive() throws {
        let result = try claim("a faster than b at n=10").evaluate { variant, _, _ in
            variant == "a" ? [1, 2, 3] : [0, 0, 0]
        }
        XCTAssertEqual(result, ClaimResult(verdict: .inconclusive, params: ["n": "10"], ratio: nil))
    }

    func testClaimCoveringNoCellIsInconclusive() throws {
        let result = try claim("a faster than b", params: ["n": []]).evaluate { _, _, _ in [1] }
        XCTAssertEqual(result, ClaimResult(verdict: .inconclusive, params: nil, ratio: nil))
    }

    func testProbeClaimsWithSpacesAndPunctuation() throws {
        let tools = ["python", "python -m asyncio", "ipython"]
        let snippets = ["top-level await", "%%timeit await", "works on fails"]
        let parse = { (text: String) in
            try ProbeClaim.parse(text, tools: tools, snippets: snippets, location: self.here)
        }
        let asyncio = try parse("python -m asyncio works on top-level await")
        XCTAssertEqual(asyncio.tool, "python -m asyncio")
        XCTAssertEqual(asyncio.snippet, "top-level await")
        XCTAssertTrue(asyncio.claimsWorks)
        let timeit = try parse("ipython  fails on %%timeit await")
        XCTAssertEqual(timeit.tool, "ipython")
        XCTAssertEqual(timeit.snippet, "%%timeit await")
        XCTAssertFalse(timeit.claimsWorks)
        let tricky = try parse("python fails on works on fails")
        XCTAssertEqual(tricky.snippet, "works on fails")
        XCTAssertFalse(tricky.claimsWorks)

        XCTAssertEqual(asyncio.evaluate { _, _ in true }, .holds)
        XCTAssertEqual(asyncio.evaluate { _, _ in false }, .contradicted)
        XCTAssertEqual(asyncio.evaluate { _, _ in nil }, .inconclusive)
        XCTAssertEqual(timeit.evaluate { tool, snippet in tool != "ipython" || snippet != "%%timeit await" }, .holds)
    }

    func testProbeClaimErrors() {
        let cases: [(String, String, String)] = [
            ("pytohn works on top-level await", "unknown tool \"pytohn\"", "did you mean `python`?"),
            ("pypy works on top-level await", "unknown tool \"pypy\"", "use one of the tools: python, ipython"),
            (
                "ipython works on %timeit await", "unknown snippet \"%timeit await\"",
                "use one of the snippets: top-level await"
            ),
            ("ipython is fine with top-level await", "it does not follow the probe claim grammar", "TOOL works on"),
        ]
        for (text, what, fix) in cases {
            XCTAssertThrowsError(
                try ProbeClaim.parse(
                    text, tools: ["python", "ipython"], snippets: ["top-level await"], location: here)
            ) { error in
                let error = error as? EvidentError
                XCTAssertEqual(error?.kind, .input)
                XCTAssertEqual(error?.location, here)
                XCTAssertEqual(error?.message, "claim \"\(text)\": \(what)")
                XCTAssertTrue(error?.fix?.contains(fix) ?? false, error?.fix ?? "no fix")
            }
        }
    }
}
