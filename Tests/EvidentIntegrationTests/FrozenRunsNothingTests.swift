import EvidentTestSupport
import Foundation
import XCTest

/// A frozen build and `evident check` run no program the site names: site.yml's `python` is skipped (highlighting
/// and the machine description use `$EVIDENT_PYTHON` or `python3`), and so is a `.venv` the site holds, unless the
/// author opts in, and
/// `$EVIDENT_PYTHON` pins the interpreter over site.yml in every build.
final class FrozenRunsNothingTests: XCTestCase {
    /// The basic site with `python: tools/py.sh`, a script that leaves a mark each time it runs, and a fenced
    /// Python block to highlight.
    private func markingSite() throws -> (FixtureSite, mark: URL) {
        let site = try makeSite("sites/basic")
        let mark = site.folder.appendingPathComponent("ran")
        try site.write("content/site.yml", try site.read("content/site.yml") + "python: tools/py.sh\n")
        try site.write("tools/py.sh", "#!/bin/sh\necho \"$@\" >> '\(mark.path)'\nexec python3 \"$@\"\n")
        chmod(site.folder.appendingPathComponent("tools/py.sh").path, 0o755)
        let essay = try site.read("content/first-essay/index.md")
        try site.write("content/first-essay/index.md", essay + "\n```python\nprint('highlighted')\n```\n")
        return (site, mark)
    }

    func testAFrozenBuildAndCheckSkipSiteYmlsPython() throws {
        let (site, mark) = try markingSite()
        let build = try EvidentCLI.run(["build", "--site", site.folder.path, "--frozen"])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(
            (build.stdout + build.stderr).contains("a frozen build does not run the site's own Python (tools/py.sh)"),
            build.stdout)
        XCTAssertEqual(try EvidentCLI.run(["check", "--site", site.folder.path]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: mark.path), "site.yml's python ran")
        XCTAssertTrue(try site.read("public/first-essay/index.html").contains("highlighted"))

        try FileManager.default.removeItem(at: site.folder.appendingPathComponent(".evident-cache"))
        let optedIn = try EvidentCLI.run(
            ["build", "--site", site.folder.path, "--frozen"], variables: ["EVIDENT_SITE_PYTHON": "1"])
        XCTAssertEqual(optedIn.status, 0, optedIn.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: mark.path), "the opt-in did not run site.yml's python")
    }

    func testAFrozenBuildSkipsAVenvTheSiteHolds() throws {
        let (site, mark) = try markingSite()
        try site.write(
            "content/site.yml",
            try site.read("content/site.yml").replacingOccurrences(of: "python: tools/py.sh\n", with: ""))
        try site.write(".venv/bin/python", try site.read("tools/py.sh"))
        chmod(site.folder.appendingPathComponent(".venv/bin/python").path, 0o755)
        let build = try EvidentCLI.run(["build", "--site", site.folder.path, "--frozen"])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue((build.stdout + build.stderr).contains("(.venv/bin/python)"), build.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: mark.path), "the site's .venv ran")
    }

    func testEvidentPythonWinsOverSiteYml() throws {
        let (site, mark) = try markingSite()
        let build = try EvidentCLI.run(
            ["build", "--site", site.folder.path], variables: ["EVIDENT_PYTHON": "python3"])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: mark.path), "site.yml's python ran")
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent(".evident-cache"))
        XCTAssertEqual(try EvidentCLI.run(["build", "--site", site.folder.path]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: mark.path), "site.yml's python did not run")
    }
}
