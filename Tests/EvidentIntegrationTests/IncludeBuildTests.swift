import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// `include` blocks: exact lines of a file a directive runs, shown in the prose and linked to the published source.
final class IncludeBuildTests: XCTestCase {
    private var site: FixtureSite!

    /// The sleeps fixture with anchors around the two variants (lines 10–17 of the experiment once the marker lines
    /// are left out) and an include of them on line 9 of the essay.
    override func setUpWithError() throws {
        site = try FixtureSite("sites/evidence")
        let experiment = try site.read("content/sleeps/experiments/sleeps.py")
        try site.write(
            "content/sleeps/experiments/sleeps.py",
            experiment.replacingOccurrences(
                of: "@bench.variant(\"short\")", with: "# ANCHOR: variants\n@bench.variant(\"short\")"
            )
            .replacingOccurrences(of: "\n\nif __name__", with: "\n# ANCHOR_END: variants\n\nif __name__"))
        try include("experiments/sleeps.py#variants")
    }

    override func tearDown() {
        site.remove()
    }

    private func include(_ target: String) throws {
        let essay = try site.read("content/sleeps/index.md").replacingOccurrences(
            of: "```include\n[^`]*```\n\n", with: "", options: .regularExpression)
        let start = essay.range(of: "```bench")!.lowerBound
        try site.write(
            "content/sleeps/index.md",
            String(essay[..<start]) + "```include\n\(target)\n```\n\n" + String(essay[start...]))
    }

    private func build(frozen: Bool = false) throws {
        var options = BuildOptions(siteFolder: site.folder)
        options.frozen = frozen
        let measurer = InMemoryMeasurer(medians: ["short": 20e6, "long": 40e6, "one": 1e6, "two": 2e6])
        _ = try SiteBuild(options: options, log: .silent, measurer: measurer, highlighter: PlainHighlighter()).run()
    }

    private func buildError(frozen: Bool = false) -> EvidentError? {
        do {
            try build(frozen: frozen)
            return nil
        } catch {
            return error as? EvidentError
        }
    }

    func testTheAnchoredLinesAreShownAndLinkedToTheirLineOnTheSourcePage() throws {
        try build()
        let essay = try site.read("public/sleeps/index.html")
        XCTAssertTrue(
            essay.contains(
                #"<figure class="excerpt"><figcaption><a href="experiments/sleeps.py.html#L10"><code>"#
                    + ##"experiments/sleeps.py</code>, lines 10–17</a>, as measured in <a href="#sleeps">sleeps</a>"##
                    + "</figcaption>"), essay)
        XCTAssertTrue(essay.contains("@bench.variant(&quot;short&quot;)\ndef short():"), essay)
        let excerpt = try XCTUnwrap(
            essay.components(separatedBy: "<figure class=\"excerpt\">").last?
                .components(separatedBy: "</figure>").first)
        XCTAssertTrue(excerpt.hasSuffix("time.sleep(0.040)\n</span></code></pre>\n</div>"), excerpt)
        XCTAssertFalse(essay.contains("ANCHOR"), "marker lines are left out")
        XCTAssertFalse(excerpt.contains("__main__"), "lines outside the anchor are left out")
        let source = try site.read("public/sleeps/experiments/sleeps.py.html")
        XCTAssertTrue(source.contains(#"<span id="L10">10</span>"#), source)
        XCTAssertEqual(
            try LinkCheck(output: site.folder.appendingPathComponent("public"), baseURL: "https://e.x/").run(), [])
    }

    func testAFrozenBuildRefusesAnIncludeOfAFileChangedSinceItWasMeasured() throws {
        try build()
        let experiment = try site.read("content/sleeps/experiments/sleeps.py")
        try site.write("content/sleeps/experiments/sleeps.py", experiment + "# a change outside the anchor\n")
        let error = try XCTUnwrap(buildError(frozen: true))
        XCTAssertEqual(error.location, SourceLocation(file: "content/sleeps/index.md", line: 9))
        XCTAssertTrue(
            error.message.contains("`experiments/sleeps.py`, which changed since `sleeps` was measured"), error.message)
        XCTAssertEqual(error.fix?.hasPrefix("run `evident build --refresh sleeps`"), true)
        // Measuring it again (a build that is not frozen) makes the include good again.
        try build()
        try build(frozen: true)
    }

    func testAnUnknownAnchorSaysWhichAnchorsTheFileHas() throws {
        try include("experiments/sleeps.py#variant")
        let error = try XCTUnwrap(buildError())
        XCTAssertEqual(error.location, SourceLocation(file: "content/sleeps/index.md", line: 9))
        XCTAssertEqual(error.message, "`experiments/sleeps.py` has no anchor `variant`")
        XCTAssertEqual(error.fix, "did you mean `variants`? The anchors: variants")
    }

    func testAMissingFileOrOneNoDirectiveRunsIsAnError() throws {
        try include("experiments/sleep.py")
        var error = try XCTUnwrap(buildError())
        XCTAssertEqual(error.message, "`experiments/sleep.py` does not exist")
        XCTAssertEqual(error.fix?.hasPrefix("did you mean `experiments/sleeps.py`?"), true, error.fix ?? "")

        try site.write("content/sleeps/notes.py", "x = 1\n")
        try include("notes.py")
        error = try XCTUnwrap(buildError())
        XCTAssertTrue(error.message.hasPrefix("`notes.py` is not a file a directive of this essay runs"), error.message)

        try include("../other/x.py")
        error = try XCTUnwrap(buildError())
        XCTAssertEqual(error.message, "`../other/x.py` leaves the essay folder")
    }

    func testAnAnchorThatIsNeverClosedIsAnError() throws {
        let experiment = try site.read("content/sleeps/experiments/sleeps.py")
        try site.write(
            "content/sleeps/experiments/sleeps.py",
            experiment.replacingOccurrences(of: "# ANCHOR_END: variants\n", with: ""))
        let error = try XCTUnwrap(buildError())
        XCTAssertEqual(error.message, "the anchor `variants` on line 9 of `experiments/sleeps.py` is never closed")
    }
}
