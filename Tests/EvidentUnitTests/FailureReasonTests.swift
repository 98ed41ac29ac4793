import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// Errors compare by their typed reason and location, not by their words; each family's cases decide the exit code.
final class FailureReasonTests: XCTestCase {
    private let location = SourceLocation(file: "content/x/index.md", line: 12)

    func testTheSameWordsFromAnotherFamilyAreAnotherError() {
        let typed = EvidentError(DirectiveFailure.missingKey(.title, in: .bench), at: location)
        let described = EvidentError(.input, at: location, typed.message, fix: typed.fix)
        XCTAssertEqual(typed.description, described.description)
        XCTAssertNotEqual(typed, described)
        XCTAssertEqual(typed, EvidentError(DirectiveFailure.missingKey(.title, in: .bench), at: location))
        XCTAssertNotEqual(typed, EvidentError(DirectiveFailure.missingKey(.title, in: .probe), at: location))
        XCTAssertNotEqual(typed, EvidentError(DirectiveFailure.missingKey(.title, in: .bench), at: nil))
    }

    func testTheReasonIsReadBackAsItsFamilyOnly() {
        let error = EvidentError(BenchFailure.variantTwice("sync"), at: location)
        XCTAssertEqual(error.reason(BenchFailure.self), .variantTwice("sync"))
        XCTAssertNil(error.reason(DirectiveFailure.self))
    }

    func testEachFamilyDecidesItsExitCode() {
        XCTAssertEqual(EvidentError(YAMLFailure.notAMapping(document: "front matter")).exitCode, 1)
        let stored = EvidentError(EvidenceFileFailure.cannotPlace(file: "f.json", reason: "EXDEV"))
        XCTAssertEqual(stored.kind, .io)
        XCTAssertEqual(EvidentError(EvidenceFileFailure.publishedCopy(id: "a")).kind, .input)
        XCTAssertEqual(EvidentError(ExperimentFailure.unknownLanguage(program: "experiment x.rb")).kind, .input)
        XCTAssertEqual(EvidentError(SwiftBuildFailure.cannotMakeBuildFolder(cache: "c")).kind, .io)
        XCTAssertEqual(EvidentError(.usage, "--refresh names `x`").exitCode, 2)
    }

    func testADirectiveErrorIsItsCaseWithTheValuesItNames() throws {
        let essay = try DirectiveEssay()
        XCTAssertThrowsError(try essay.bench("id: a\ntitle: A\ncommands: {a: \"true\"}\nbudget: 2 weeks")) {
            XCTAssertEqual(
                $0 as? EvidentError,
                EvidentError(
                    DirectiveValueFailure.badDuration(DirectiveField("budget"), "2 weeks"),
                    at: SourceLocation(file: "content/x/index.md", line: DirectiveEssay.fence + 4)))
        }
        XCTAssertThrowsError(try essay.bench("id: a\ntitle: A\ncommands: {a: \"true\"}\nbaseline: b")) {
            XCTAssertEqual(($0 as? EvidentError)?.reason(BenchFailure.self), .unknownBaseline("b", variants: ["a"]))
        }
        XCTAssertThrowsError(try essay.bench("id: A!\ntitle: A\ncommands: {a: \"true\"}")) {
            XCTAssertEqual(($0 as? EvidentError)?.reason(DirectiveFailure.self), .badID("A!", suggested: "a"))
        }
    }
}
