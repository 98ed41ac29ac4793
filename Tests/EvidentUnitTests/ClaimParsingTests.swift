import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// The claim grammar of DESIGN.md, and the errors for sentences outside it or names the directive lacks.
final class ClaimParsingTests: XCTestCase {
    private let here = SourceLocation(file: "content/async/index.md", line: 12)
    private let variants = ["sync", "await_loop", "gather", "python threads"]
    private let params = ["n": ["10", "100"], "latency_ms": ["2"], "mode": ["tcp", "0.5"]]
    private let metrics = ["wall_ns", "process_max_rss_bytes", "allocations", "allocation_count"]

    private func parse(_ text: String) throws -> Claim {
        try Claim.parse(text, variants: variants, params: params, metrics: metrics, location: here)
    }

    private func assertRejected(
        _ text: String, saying what: String, fix: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try parse(text), file: file, line: line) { error in
            guard let error = error as? EvidentError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(error.kind, .input, file: file, line: line)
            XCTAssertEqual(error.location, here, file: file, line: line)
            XCTAssertEqual(error.message, "claim \"\(text)\": \(what)", file: file, line: line)
            XCTAssertTrue(error.fix?.contains(fix) ?? false, "\(error.fix ?? "no fix")", file: file, line: line)
        }
    }

    func testWhitespaceAroundAnEqualsSignGoesAsARegularExpressionsWhitespaceWould() throws {
        let texts = [
            "gather faster than sync at n = 100", "a at n =100 and  mode=  tcp", "no sign at all", "x = = y",
            "ends with = ", " = starts", "tab\t=\tand\u{2028}=\u{3000}wide", "keeps\u{0B}=\u{85}these",
            "e\u{301} =\u{301} mark", "a\u{1C}=\u{200B}b", "",
        ]
        for text in texts {
            let expected = text.replacingOccurrences(of: #"\s*=\s*"#, with: "=", options: .regularExpression)
            XCTAssertEqual(Claim.joiningEquals(text), expected, text.debugDescription)
        }
        XCTAssertEqual(try parse("gather faster than sync at n = 100").cells.map { $0["n"] }, ["100", "100"])
    }

    func testWithin() throws {
        let claim = try parse("await_loop within 10% of sync")
        XCTAssertEqual(claim.subject, "await_loop")
        XCTAssertEqual(claim.reference, "sync")
        XCTAssertEqual(claim.relation, .within(percent: 10))
        XCTAssertEqual(claim.metric, "wall_ns")
        XCTAssertEqual(claim.restriction, [:])
        XCTAssertEqual(claim.text, "await_loop within 10% of sync")
        XCTAssertEqual(claim.location, here)
        XCTAssertEqual(try parse("gather within 2.5% of sync").relation, .within(percent: 2.5))
    }

    func testFactorsAndDirections() throws {
        XCTAssertEqual(try parse("gather at least 5x faster than sync").relation, .lower(atLeast: 5))
        XCTAssertEqual(try parse("sync at least 1.5x slower than gather").relation, .higher(atLeast: 1.5))
        XCTAssertEqual(try parse("gather faster than sync").relation, .lower(atLeast: nil))
        XCTAssertEqual(try parse("sync slower than gather").relation, .higher(atLeast: nil))
        let memory = " on process_max_rss_bytes"
        XCTAssertEqual(try parse("gather lower than sync" + memory).relation, .lower(atLeast: nil))
        XCTAssertEqual(try parse("gather higher than sync" + memory).relation, .higher(atLeast: nil))
        XCTAssertEqual(try parse("gather at least 2x lower than sync" + memory).relation, .lower(atLeast: 2))
        XCTAssertEqual(try parse("gather at least 3x higher than sync on allocations").relation, .higher(atLeast: 3))
        XCTAssertEqual(try parse("gather at least 2x lower than sync").relation, .lower(atLeast: 2))
    }

    func testVariantNamesWithSpaces() throws {
        let claim = try parse("python threads  at least 2x slower than   gather")
        XCTAssertEqual(claim.subject, "python threads")
        XCTAssertEqual(claim.reference, "gather")
    }

    func testClaimWithoutSuffixCoversEveryCell() throws {
        XCTAssertEqual(
            try parse("gather faster than sync").cells,
            [
                ["latency_ms": "2", "mode": "tcp", "n": "10"], ["latency_ms": "2", "mode": "tcp", "n": "100"],
                ["latency_ms": "2", "mode": "0.5", "n": "10"], ["latency_ms": "2", "mode": "0.5", "n": "100"],
            ])
    }

    func testRestrictionAndMetric() throws {
        let claim = try parse("gather at least 5x lower than sync at n=100 and mode = 0.5 on process_max_rss_bytes")
        XCTAssertEqual(claim.restriction, ["n": "100", "mode": "0.5"])
        XCTAssertEqual(claim.cells, [["latency_ms": "2", "mode": "0.5", "n": "100"]])
        XCTAssertEqual(claim.metric, "process_max_rss_bytes")
        XCTAssertEqual(try parse("gather faster than sync at n=10").cells.count, 2)
        XCTAssertEqual(try parse("gather within 5% of sync on wall_ns").cells.count, 4)
    }

    func testWideToleranceIsAccepted() throws {
        XCTAssertEqual(try parse("gather within 150% of sync").relation, .within(percent: 150))
    }

    func testDirectiveWithoutParams() throws {
        let claim = try Claim.parse(
            "gather faster than sync", variants: variants, params: [:], metrics: metrics, location: here)
        XCTAssertEqual(claim.cells, [[:]])
        XCTAssertThrowsError(
            try Claim.parse(
                "gather faster than sync at n=1", variants: variants, params: [:], metrics: metrics, location: here)
        ) { error in
            XCTAssertEqual((error as? EvidentError)?.fix, "this directive has no params")
        }
    }

    func testUnknownNames() {
        assertRejected(
            "gathr faster than sync", saying: "unknown variant \"gathr\"",
            fix: "did you mean `gather`? The variants: sync, ")
        assertRejected("gather faster than snyc", saying: "unknown variant \"snyc\"", fix: "did you mean `sync`?")
        assertRejected(
            "gather faster than sync at m=1", saying: "unknown parameter \"m\"",
            fix: "did you mean `n`? The parameters: latency_ms, mode, n")
        assertRejected(
            "gather faster than sync at n=1000", saying: "parameter n has no value \"1000\"",
            fix: "n is one of: 10, 100")
        assertRejected(
            "gather faster than sync on cpu_ns", saying: "unknown metric \"cpu_ns\"",
            fix: "use one of the metrics: wall_ns, process_max_rss_bytes, allocations, allocation_count")
    }

    func testComparingAVariantWithItself() {
        assertRejected("sync within 5% of sync", saying: "it compares sync with itself", fix: "two different variants")
    }

    func testParameterGivenTwice() {
        assertRejected(
            "gather faster than sync at n=10 and n=100", saying: "parameter n is restricted twice", fix: "once")
    }

    func testFasterIsRefusedOnMetricsThatAreNotTimes() {
        assertRejected(
            "gather faster than sync on process_max_rss_bytes",
            saying: "\"faster\" compares times, but process_max_rss_bytes is not a time", fix: "`lower` or `higher`")
        assertRejected(
            "gather at least 2x slower than sync on allocation_count",
            saying: "\"slower\" compares times, but allocation_count is not a time", fix: "`lower` or `higher`")
        XCTAssertEqual(try parse("gather faster than sync on allocations").relation, .lower(atLeast: nil))
    }

    func testSentencesOutsideTheGrammar() {
        for text in [
            "", "gather is faster than sync", "gather faster sync", "faster than sync", "gather faster than",
            "gather at least 5 faster than sync", "gather at least x faster than sync",
            "gather at least 0x faster than sync", "gather at most 2x faster than sync", "gather within 10 of sync",
            "gather within -5% of sync", "gather within 10% sync", "gather faster than sync at",
            "gather faster than sync at n", "gather faster than sync at n=10 and", "gather faster than sync on",
            "gather faster than sync on wall_ns at n=10", "gather faster than sync on wall_ns please",
            "gather at least 5x quicker than sync", "gather within nan% of sync", "gather faster than sync please",
        ] {
            assertRejected(text, saying: "it does not follow the claim grammar", fix: "`A within P% of B`")
        }
    }
}

/// A whole number written with an exponent is the integer it names, in cells, claims and references alike.
final class ExponentParameterTests: XCTestCase {
    func testAnExponentWholeNumberBecomesItsDigits() {
        XCTAssertEqual(ParameterValue.canonical("1e3"), "1000")
        XCTAssertEqual(ParameterValue.canonical("2.5E4"), "25000")
        XCTAssertEqual(ParameterValue.canonical("-1e2"), "-100")
        for kept in ["1e-3", "1.5e0", "0x1e3", "10.0", "tcp", "1e400", "e5"] {
            XCTAssertEqual(ParameterValue.canonical(kept), kept)
        }
    }

    func testCellsClaimsAndReferencesAgreeOnTheInteger() throws {
        let essay = try DirectiveEssay()
        let bench = try essay.bench(
            """
            id: sizes
            title: Sizes
            experiment: experiments/await_loop.py
            variants: [sync, gather]
            params:
              n: [1e3, 1e4, 100000]
            """)
        XCTAssertEqual(bench.params.first?.values, ["1000", "10000", "100000"])
        let claim = try Claim.parse(
            "gather faster than sync at n=1e4", variants: ["sync", "gather"],
            params: ["n": bench.params[0].values], metrics: ["wall_ns"], location: SourceLocation(file: "x"))
        XCTAssertEqual(claim.cells, [["n": "10000"]])
        let reference = try XCTUnwrap(
            try InlineReference.parse("=sizes.gather.median@n=1e3", location: SourceLocation(file: "x")))
        XCTAssertEqual(reference.params, ["n": "1000"])
    }
}
