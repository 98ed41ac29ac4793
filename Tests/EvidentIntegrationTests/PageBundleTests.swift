import EvidentTestSupport
import Foundation
import XCTest

/// Page bundles through the real executable: the files beside an essay are published with it byte for byte, the
/// rules for what evident publishes hold for them, a Markdown image with no file is a build error at its line, and
/// `check` finds an image deleted from a published folder.
final class PageBundleTests: XCTestCase {
    private func build(_ site: FixtureSite, _ more: [String] = []) throws -> EvidentCLI.Run {
        try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"] + more)
    }

    func testFilesBesideAnEssayArePublishedByteForByteAndMarkdownIsNot() throws {
        let site = try makeSite("sites/bundles")
        let result = try build(site)
        XCTAssertEqual(result.status, 0, result.stderr)
        for file in ["fig.svg", "images/photo.png", "data/notes.txt"] {
            XCTAssertEqual(
                FileManager.default.contents(atPath: site.output.appendingPathComponent("figures/\(file)").path),
                FileManager.default.contents(
                    atPath: site.folder.appendingPathComponent("content/figures/\(file)").path),
                file)
        }
        XCTAssertFalse(site.exists("public/figures/outline.md"), "Markdown beside the essay is not published")
        XCTAssertFalse(site.exists("public/figures/index.md"))
        let page = try site.read("public/figures/index.html")
        XCTAssertTrue(page.contains(#"<img src="images/photo.png" alt="An orange rectangle" title="A photo" />"#))
        let check = try EvidentCLI.run(["check", "--site", site.folder.path, "--output", site.output.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testACheckOfThePublishedFolderFindsADeletedImageAndStyleSheetTarget() throws {
        let site = try makeSite("sites/bundles")
        XCTAssertEqual(try build(site).status, 0)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("figures/images/photo.png"))
        let css = site.output.appendingPathComponent("assets/style.css")
        let style = try String(contentsOf: css, encoding: .utf8)
        try (style + ".x { background: url('../figures/missing.webp') }\n").write(
            to: css, atomically: true, encoding: .utf8)
        let lines = style.split(separator: "\n", omittingEmptySubsequences: false).count
        let check = try EvidentCLI.run(["check", "--site", site.folder.path, "--output", site.output.path])
        XCTAssertEqual(check.status, 1)
        let line = try XCTUnwrap(
            try site.read("public/figures/index.html").components(separatedBy: "\n").firstIndex {
                $0.contains("images/photo.png")
            })
        XCTAssertTrue(
            check.stdout.contains(
                "broken: assets/style.css:\(lines): url() `../figures/missing.webp` points to a missing file"),
            check.stdout)
        XCTAssertTrue(
            check.stdout.contains(
                "broken: figures/index.html:\(line + 1): src `images/photo.png` points to a missing file"),
            check.stdout)
        let nowhere = try EvidentCLI.run(["check", "--site", site.folder.path, "--output", "/nonexistent/public"])
        XCTAssertEqual(nowhere.status, 1)
        XCTAssertTrue(nowhere.stderr.contains("there is no built site here (no index.html)"), nowhere.stderr)
    }

    func testAnImageWithNoFileIsABuildErrorAtItsLineAndTheOutputStays() throws {
        let site = try makeSite("sites/bundles")
        XCTAssertEqual(try build(site).status, 0)
        let before = site.snapshot("public")
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/figures/fig.svg"))
        let result = try build(site)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            "error: content/figures/index.md:10: the image `fig.svg` does not exist: there is no "
                + "content/figures/fig.svg — add the file beside index.md, or correct the path\n")
        XCTAssertEqual(site.snapshot("public"), before)
        // `check` builds first, so it refuses the same way.
        XCTAssertEqual(try EvidentCLI.run(["check", "--site", site.folder.path]).status, 1)

        try site.write("content/figures/fig.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try site.write("content/figures/experiments/plot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        let essay = try site.read("content/figures/index.md")
        try site.write("content/figures/index.md", essay + "\n![a plot](experiments/plot.svg)\n")
        let hidden = try build(site)
        XCTAssertTrue(
            hidden.stderr.contains(
                "content/figures/index.md:16: the image `experiments/plot.svg` is in the essay folder but not published"
            ),
            hidden.stderr)
        try site.write("content/figures/index.md", essay + "\n![up and out](../../../etc/x.png)\n")
        XCTAssertTrue(try build(site).stderr.contains("the image `../../../etc/x.png` leads outside the site"))
    }

    func testABundleFileFollowsThePublishingRulesAndTakesNoGeneratedPath() throws {
        let site = try makeSite("sites/bundles")
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("evident-secret-\(UUID())")
        try "secret".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        try FileManager.default.createSymbolicLink(
            atPath: site.folder.appendingPathComponent("content/figures/passwords.txt").path,
            withDestinationPath: secret.path)
        let outside = try build(site)
        XCTAssertEqual(outside.status, 1)
        XCTAssertEqual(
            outside.stderr,
            "error: content/figures/passwords.txt: `content/figures/passwords.txt` leads outside content/figures/ "
                + "(a symbolic link or `..`) — copy the file into content/figures/: evident runs and publishes only "
                + "files inside it\n")
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/figures/passwords.txt"))
        // A link inside the folder is published as the file it leads to.
        try FileManager.default.createSymbolicLink(
            atPath: site.folder.appendingPathComponent("content/figures/same.svg").path, withDestinationPath: "fig.svg")
        try site.write("content/figures/index.html", "<p>a page of my own</p>")
        let taken = try build(site)
        XCTAssertEqual(
            taken.stderr,
            "error: content/figures/index.html: the file `content/figures/index.html` would be published at "
                + "`figures/index.html`, which the essay's page takes — rename the file: evident writes its own page "
                + "and evidence files there\n")
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/figures/index.html"))
        XCTAssertEqual(try build(site).status, 0)
        XCTAssertEqual(try site.read("public/figures/same.svg"), try site.read("content/figures/fig.svg"))
    }

    /// A theme asset is published byte for byte whatever it holds: an image is not text to decode.
    func testABinaryThemeAssetIsCopiedAsIs() throws {
        let site = try makeSite("sites/bundles")
        let png = try Data(contentsOf: site.folder.appendingPathComponent("content/figures/images/photo.png"))
        let asset = site.folder.appendingPathComponent("templates/assets/logo.png")
        try FileManager.default.createDirectory(
            at: asset.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (png + Data([0xFF, 0xFE, 0x00, 0xC3])).write(to: asset)
        let result = try build(site)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            try Data(contentsOf: site.output.appendingPathComponent("assets/logo.png")), try Data(contentsOf: asset))
        try site.write("templates/feed.xml", "<feed/>")
        XCTAssertTrue(
            try build(site).stderr.contains(
                "error: templates/feed.xml: the theme file would be published at `feed.xml`, where evident writes its "
                    + "own pages"))
    }
}
