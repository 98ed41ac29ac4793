import EvidentTestSupport
import Foundation
import XCTest

/// What the `evident` executable tells its user, run as a user would: drafts skipped and how to build them, a
/// refusal outside a site, usage errors in the tool's own `what — fix` form.
final class CLIOutputTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// `evident init`, `evident new SLUG`, `evident build`: the new essay is a draft, and both `new` and the build's
    /// summary say so and name `--drafts`, as does `evident help new`.
    func testNewEssayIsADraftAndTheBuildSaysHowToIncludeIt() throws {
        XCTAssertEqual(try EvidentCLI.run(["init", "site"], in: folder).status, 0)
        let site = folder.appendingPathComponent("site")
        let new = try EvidentCLI.run(["new", "comprehensions"], in: site)
        XCTAssertEqual(new.status, 0, new.stderr)
        XCTAssertTrue(new.stdout.contains("it is a draft (`draft: true`)"), new.stdout)
        XCTAssertTrue(new.stdout.contains("`evident serve --drafts --measure` previews it"), new.stdout)
        let elsewhere = try EvidentCLI.run(["new", "second", "--site", "site"], in: folder)
        XCTAssertTrue(elsewhere.stdout.contains("`evident serve --site site --drafts --measure`"), elsewhere.stdout)

        let build = try EvidentCLI.run(["build"], in: site)
        XCTAssertEqual(build.status, 0, build.stderr)
        let skipped = "built 0 pages (2 drafts skipped: `--drafts` includes them);"
        XCTAssertTrue(build.stdout.hasPrefix(skipped), build.stdout)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/second"))
        let one = try EvidentCLI.run(["build"], in: site)
        let oneSkipped = "built 0 pages (1 draft skipped: `--drafts` includes it);"
        XCTAssertTrue(one.stdout.hasPrefix(oneSkipped), one.stdout)

        let help = try EvidentCLI.run(["help", "new"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("The essay starts as a draft"), help.stdout)
        XCTAssertTrue(help.stdout.contains("evident serve --drafts"), help.stdout)
    }

    /// `evident init` in a folder that already has a `.gitignore` (a new git repository) keeps its lines and adds
    /// the build's folders once.
    func testInitKeepsAnExistingGitignoreAndAddsTheBuildFolders() throws {
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try "*.log\npublic/".write(to: site.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        let result = try EvidentCLI.run(["init", "site"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            try String(contentsOf: site.appendingPathComponent(".gitignore"), encoding: .utf8),
            "*.log\npublic/\n.evident-cache/\n.venv/\n")
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: site.appendingPathComponent("templates/essay.mustache").path))
        XCTAssertEqual(try EvidentCLI.run(["build"], in: site).status, 0)
    }

    /// `new` takes the slugs a build takes (ASCII letters, digits, `-` and `_`, as the configuration page says) and
    /// refuses the others with that rule.
    func testNewTakesTheSlugsABuildTakes() throws {
        XCTAssertEqual(try EvidentCLI.run(["init", "site"], in: folder).status, 0)
        let site = folder.appendingPathComponent("site")
        let made = try EvidentCLI.run(["new", "Foo_Bar-2"], in: site)
        XCTAssertEqual(made.status, 0, made.stderr)
        let draft = try EvidentCLI.run(["build", "--drafts", "--frozen"], in: site)
        XCTAssertFalse(draft.stderr.contains("is not a usable URL slug"), draft.stderr)
        let refused = try EvidentCLI.run(["new", "café"], in: site)
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "error: `café` is not a usable slug — use ASCII letters, digits, - and _\n")
    }

    /// Outside a site (or with a `--site` that holds none), `new` fails and creates nothing.
    func testNewOutsideASiteRefusesAndCreatesNothing() throws {
        for arguments in [["new", "foo"], ["new", "foo", "--site", "not-a-site"]] {
            let result = try EvidentCLI.run(arguments, in: folder)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertTrue(result.stderr.hasPrefix("error: content/site.yml: no site configuration found in "))
            XCTAssertTrue(result.stderr.contains("run `evident init DIR`"), result.stderr)
            XCTAssertTrue(result.stderr.contains("pass --site"), result.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    /// Mistakes the argument parser finds read like the tool's other errors: one `error:` line, `what — fix`.
    func testUsageErrorsReadLikeTheToolsOtherErrors() throws {
        let cases: [([String], String)] = [
            (["build", "--foo"], "error: unknown option '--foo' — see `evident build --help`\n"),
            (
                ["build", "some-id"],
                "error: directive ids are only accepted after --refresh — see `evident build --help`\n"
            ),
            (["new"], "error: missing expected argument '<SLUG>' — see `evident new --help`\n"),
            (["serve", "--port", "0"], "error: --port must be between 1 and 65535 — see `evident serve --help`\n"),
        ]
        for (arguments, expected) in cases {
            let result = try EvidentCLI.run(arguments, in: folder)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stderr, expected)
            XCTAssertEqual(result.stdout, "")
        }
    }
}
