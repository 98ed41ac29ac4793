import EvidentTestSupport
import Foundation
import XCTest

/// `--output` replaces only a folder evident made: an empty one, one carrying the marker of a previous build, or an
/// older evident's build. Anything else is refused with exit 1, a message naming the folder and `--output`, and
/// nothing deleted (real `evident build` processes on copies of a fixture site).
final class OutputFolderTests: XCTestCase {
    private func build(_ site: FixtureSite, _ arguments: [String] = []) throws -> EvidentCLI.Run {
        try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"] + arguments)
    }

    /// The files under `folder` but the site's cache (where the build lock lives).
    private func files(_ folder: URL) -> [String: Data] {
        FixtureSite.snapshot(of: folder).filter { !$0.key.hasPrefix(".evident-cache/") }
    }

    /// Runs a build that must be refused, and checks that it named the folder and the flag and changed nothing.
    private func assertRefused(
        _ site: FixtureSite, output: URL, watching folder: URL, saying what: String, line: UInt = #line
    ) throws {
        let before = files(folder)
        let result = try build(site, ["--output", output.path])
        XCTAssertEqual(result.status, 1, result.stderr, line: line)
        XCTAssertTrue(
            result.stderr.hasPrefix("error: \(output.standardizedFileURL.path): \(what)"), result.stderr, line: line)
        XCTAssertTrue(result.stderr.contains("--output"), result.stderr, line: line)
        XCTAssertEqual(files(folder), before, "something was deleted or changed", line: line)
        XCTAssertEqual(FixtureSite.leftovers(in: folder), [], line: line)
    }

    func testOutputAtTheSourcesOrTheSiteIsRefused() throws {
        // The site sits in a folder of its own, beside an unrelated file, so that `..` is a folder of this test.
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("evident-test-\(UUID().uuidString)")
        let site = try FixtureSite("sites/basic", in: parent)
        defer { try? FileManager.default.removeItem(at: parent) }
        try site.write("NOTES.txt", "the author's notes\n")
        let beside = parent.appendingPathComponent("beside.txt")
        try Data("unrelated\n".utf8).write(to: beside)
        let cases: [(String, String)] = [
            ("content", "the output folder is the site's content/ folder"),
            ("content/first-essay/out", "the output folder lies inside the site's content/ folder"),
            ("templates", "the output folder is the site's templates/ folder"),
            (".", "the output folder is the site folder"),
            ("..", "the output folder holds the site"),
            ("NOTES.txt", "the output path is a file, not a folder"),
        ]
        for (path, message) in cases {
            try assertRefused(
                site, output: site.folder.appendingPathComponent(path), watching: site.folder, saying: message)
        }
        XCTAssertEqual(try String(contentsOf: beside, encoding: .utf8), "unrelated\n")
        XCTAssertFalse(site.exists("public"))
    }

    func testAFolderEvidentDidNotMakeIsRefused() throws {
        let site = try makeSite("sites/basic")
        try site.write("mine/report.html", "<p>my own page</p>\n")
        try assertRefused(
            site, output: site.folder.appendingPathComponent("mine"), watching: site.folder,
            saying: "the output folder was not made by evident: it has no .evident-output file and holds `report.html`")
    }

    func testEmptyAndMarkedFoldersAreReplacedAndTheMarkerStaysOffThePages() throws {
        let site = try makeSite("sites/basic")
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        XCTAssertEqual(try build(site).status, 0)
        XCTAssertTrue(site.exists("public/.evident-output"))
        try site.write("public/stray.html", "<p>left by hand, lost on the next build</p>\n")
        XCTAssertEqual(try build(site).status, 0, "a second build (make site twice) replaces the marked folder")
        XCTAssertFalse(site.exists("public/stray.html"))
        for file in ["sitemap.xml", "feed.xml", "index.html"] {
            XCTAssertFalse(try site.read("public/\(file)").contains("evident-output"), file)
        }
        let check = try EvidentCLI.run(["check", "--site", site.folder.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("0 broken links"), check.stdout)
    }

    /// A `public/` built before the marker existed keeps building, unless someone put files of their own in it.
    func testAnOlderEvidentsBuildIsReplacedButNotWithForeignFilesInIt() throws {
        let site = try makeSite("sites/basic")
        XCTAssertEqual(try build(site).status, 0)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(".evident-output"))
        // Such an evident wrote no tag pages.
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("tags"))
        try site.write("public/CNAME", "example.org\n")
        try assertRefused(
            site, output: site.output, watching: site.folder,
            saying: "the output folder was not made by evident: it has no .evident-output file and holds `CNAME`, "
                + "which evident does not write")
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("CNAME"))
        XCTAssertEqual(try build(site).status, 0)
        XCTAssertTrue(site.exists("public/.evident-output"))
    }

    /// A `public` symbolic link is followed: the folder it points to is replaced under the same rules, and the
    /// link stays a link.
    func testASymbolicLinkIsFollowed() throws {
        let site = try makeSite("sites/basic")
        let target = site.folder.appendingPathComponent("www")
        try FileManager.default.createSymbolicLink(at: site.output, withDestinationURL: target)
        try assertRefused(
            site, output: site.output, watching: site.folder,
            saying: "the output is a symbolic link to a missing folder")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        XCTAssertEqual(try build(site).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path), target.path)
        XCTAssertTrue(site.exists("www/first-essay/index.html"))
        XCTAssertEqual(try build(site).status, 0)
        XCTAssertTrue(site.exists("public/first-essay/index.html"))
    }

    /// A mount point cannot be renamed: refused before the build does any work (a tmpfs mounted in a private
    /// mount namespace, so the test needs no root and leaves no mount behind).
    func testAMountPointIsRefused() throws {
        let site = try makeSite("sites/basic")
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        let script = """
            mount -t tmpfs tmpfs "$1" && echo '<p>served</p>' > "$1/index.html" && touch "$1/.evident-output" \
            && "$2" build --site "$3" --quiet; status=$?; ls -A "$1"; exit $status
            """
        let result = try EvidentCLI.inMountNamespace(
            script, [site.output.path, EvidentCLI.binary.path, site.folder.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(
            result.stderr.hasPrefix(
                "error: \(site.output.path): the output folder is a mount point, which evident cannot replace in one "
                    + "step — choose a folder inside it with --output"), result.stderr)
        XCTAssertEqual(result.stdout, ".evident-output\nindex.html\n", "the mounted folder is untouched")
        XCTAssertEqual(FixtureSite.leftovers(in: site.folder), [])
    }
}
