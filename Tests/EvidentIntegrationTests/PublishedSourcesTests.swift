import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// Every evidence block links to the files its directive ran, published with the site: the raw file and a page
/// showing it, which `evident check` resolves like any other link.
final class PublishedSourcesTests: XCTestCase {
    func testEachRunFileIsPublishedRawAndAsAPageTheBlockLinksTo() throws {
        let site = try makeSite("sites/evidence")
        let measurer = InMemoryMeasurer(medians: ["short": 20e6, "long": 40e6, "one": 1e6, "two": 2e6])
        let output = site.folder.appendingPathComponent("public")
        _ = try SiteBuild(
            options: BuildOptions(siteFolder: site.folder), log: .silent, measurer: measurer,
            highlighter: PlainHighlighter()
        ).run()

        let experiments = "content/sleeps/experiments"
        for file in ["sleeps.py", "spins.py", "runs.py"] {
            XCTAssertEqual(try site.read("public/sleeps/experiments/\(file)"), try site.read("\(experiments)/\(file)"))
            XCTAssertTrue(site.exists("public/sleeps/experiments/\(file).html"), file)
        }
        let essay = try site.read("public/sleeps/index.html")
        XCTAssertTrue(
            essay.contains(
                #"Experiment: <a href="experiments/sleeps.py.html">experiments/sleeps.py</a> "#
                    + #"(<a href="experiments/sleeps.py" download>raw</a>), "#
                    + #"<a href="experiments/runs.py.html">experiments/runs.py</a>"#), essay)
        XCTAssertTrue(essay.contains(#"(<a href="experiments/sleeps.py.html#rerun">how</a>)"#), essay)

        // runs.py is imported by both experiments: one page, naming both directives.
        let page = try site.read("public/sleeps/experiments/runs.py.html")
        XCTAssertTrue(page.contains(#"<a href="../#sleeps">sleeps</a> <a href="../#spins">spins</a>"#), page)
        XCTAssertTrue(page.contains(#"<a href="runs.py" download>raw file</a>"#), page)
        XCTAssertTrue(page.contains(Escape.html(try site.read("\(experiments)/runs.py"))), page)
        XCTAssertTrue(page.contains(#"<link rel="stylesheet" href="../../assets/"#), page)
        XCTAssertEqual(try LinkCheck(output: output, baseURL: "https://example.com/").run(), [])
    }

    /// Beside each experiment the helper it runs with is published, and its page says how to run the first cell
    /// of each directive by hand from a clone of the repository that site.yml names.
    func testAnExperimentsPageRunsEachDirectivesFirstCellByHandWithTheHelperBesideIt() throws {
        let site = try makeSite("sites/evidence")
        try site.write("content/site.yml", "title: Evidence fixture\nrepository: https://example.org/essays.git\n")
        _ = try SiteBuild(
            options: BuildOptions(siteFolder: site.folder), log: .silent,
            measurer: InMemoryMeasurer(medians: ["short": 20e6, "long": 40e6, "one": 1e6, "two": 2e6]),
            highlighter: PlainHighlighter()
        ).run()

        XCTAssertEqual(
            try site.read("public/sleeps/experiments/evident_bench.py"),
            try XCTUnwrap(BundledHelpers.text("evident_bench.py")))
        let page = try site.read("public/sleeps/experiments/sleeps.py.html")
        XCTAssertTrue(page.contains("git clone https://example.org/essays.git site &amp;&amp; cd site"), page)
        XCTAssertTrue(page.contains(#"<a href="evident_bench.py" download><code>evident_bench.py</code></a>"#), page)
        XCTAssertTrue(
            page.contains(
                #"<code class="rerun-cell" data-directive="sleeps">cd content/sleeps/experiments &amp;&amp; "#
                    + "python3 sleeps.py --variant short --samples 5 --warmup 1</code>"), page)
        // The fixture has no helpers folder of its own: the reader downloads the published copy first.
        XCTAssertTrue(page.contains("download it into the experiment's folder first"), page)
        // A file that only helps (imported, not run as an experiment) has no command and no helper beside it.
        XCTAssertFalse(try site.read("public/sleeps/experiments/runs.py.html").contains("rerun-cell"))
    }

    func testAMissingSourceIsABrokenLinkTheCheckFinds() throws {
        let site = try makeSite("sites/evidence")
        let measurer = InMemoryMeasurer(medians: ["short": 20e6, "long": 40e6, "one": 1e6, "two": 2e6])
        _ = try SiteBuild(options: BuildOptions(siteFolder: site.folder), log: .silent, measurer: measurer).run()
        let output = site.folder.appendingPathComponent("public")
        try FileManager.default.removeItem(at: output.appendingPathComponent("sleeps/experiments/spins.py.html"))
        let broken = try LinkCheck(output: output, baseURL: "https://example.com/").run()
        XCTAssertEqual(broken.map(\.reference.url), ["experiments/spins.py.html", "experiments/spins.py.html#rerun"])
    }
}
