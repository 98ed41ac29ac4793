import EvidentTestSupport
import Foundation
import XCTest

/// Odd files where the author's files should be: a named pipe, a folder, a file in place of a folder. Each is a
/// clear `file:line: what — fix` error with exit 1, at once, never a build that waits forever (real `evident`
/// processes, each given a few seconds).
final class OddFilesTests: XCTestCase {
    private let fifo =
        "is a named pipe (FIFO), not a regular file — replace it with a regular file "
        + "(evident reads no pipes, sockets or devices)"

    /// Replaces the file at `path` with a named pipe that no one writes to.
    private func makeFIFO(_ site: FixtureSite, _ path: String) throws {
        let url = site.folder.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(url.path, 0o644), 0, path)
    }

    private func assertBuildFails(_ site: FixtureSite, with expected: String, line: UInt = #line) throws {
        let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"], limit: 10)
        XCTAssertEqual(result.status, 1, result.stderr, line: line)
        XCTAssertEqual(result.stderr, "error: \(expected)\n", line: line)
        XCTAssertEqual(FixtureSite.leftovers(in: site.folder), [], line: line)
    }

    func testANamedPipeInPlaceOfAnAuthorsFileIsRefusedAtOnce() throws {
        let cases = [
            ("sites/basic", "content/first-essay/index.md", "content/first-essay/index.md: the file \(fifo)"),
            ("sites/basic", "content/site.yml", "content/site.yml: the file \(fifo)"),
            ("sites/basic", "templates/essay.mustache", "templates/essay.mustache: the file \(fifo)"),
            (
                "sites/evidence", "content/sleeps/experiments/sleeps.py",
                "content/sleeps/index.md:9: "
                    + "`experiments/sleeps.py` \(fifo)"
            ),
            (
                "sites/evidence", "content/sleeps/evidence/sleeps.json",
                "content/sleeps/evidence/sleeps.json: the file is a named pipe (FIFO), not a regular file — "
                    + "move it away: evident stores the evidence of `sleeps` at that path"
            ),
        ]
        for (fixture, path, expected) in cases {
            let site = try makeSite(fixture)
            try makeFIFO(site, path)
            try assertBuildFails(site, with: expected)
        }
    }

    func testAnEvidenceFileThatIsAFolderNamesTheFileAndTheFix() throws {
        let site = try makeSite("sites/evidence")
        try site.write("content/sleeps/evidence/sleeps.json/note", "a folder where the evidence goes")
        try assertBuildFails(
            site,
            with: "content/sleeps/evidence/sleeps.json: the file is a folder, not a regular file — move it away: "
                + "evident stores the evidence of `sleeps` at that path")
    }

    func testAFileNamedTemplatesIsAnError() throws {
        let site = try makeSite("sites/basic")
        try site.write("templates", "meant to be a folder\n")
        try assertBuildFails(
            site,
            with: "templates: `templates` is not a folder — remove or rename it, or make it a folder of Mustache "
                + "templates (templates/essay.mustache, ...)")
    }

    func testDirectiveDefaultsErrorsNameTheirLine() throws {
        let site = try makeSite("sites/basic")
        try site.write(
            "content/site.yml", try site.read("content/site.yml") + "defaults:\n  precision: 5%\n  budget: fast\n")
        try assertBuildFails(
            site,
            with: "content/site.yml:7: bad duration `fast` for `defaults.budget` "
                + "— write a positive number with a unit: `500ms`, `30s`, `2m`")
        try site.write(
            "content/site.yml", try site.read("content/site.yml").replacingOccurrences(of: "budget", with: "budgte"))
        try assertBuildFails(
            site,
            with: "content/site.yml:7: unknown directive default `budgte` — did you mean `budget`? The defaults: "
                + "samples, precision, min_samples, max_samples, warmup, budget, timeout, marker")
    }

    /// `check` fails like `build` (exit 1, `file: what — fix`); only a command line the parser rejects exits 2.
    func testCheckFailuresExitOneAndUsageErrorsTwo() throws {
        let site = try makeSite("sites/basic")
        try makeFIFO(site, "content/site.yml")
        let check = try EvidentCLI.run(["check", "--site", site.folder.path], limit: 10)
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertEqual(check.stderr, "error: content/site.yml: the file \(fifo)\n")
        let usage = try EvidentCLI.run(["check", "--site"], limit: 10)
        XCTAssertEqual(usage.status, 2, usage.stderr)
    }
}
