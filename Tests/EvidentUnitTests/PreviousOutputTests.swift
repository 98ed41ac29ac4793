import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentSite

/// A rebuild links each file whose bytes did not change from the output it replaces, instead of writing it again;
/// a changed file, and any file the build could not have left as it is, is written anew.
final class PreviousOutputTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws {
        site = try makeSite("sites/basic")
    }

    private func build() throws {
        _ = try SiteBuild(
            options: BuildOptions(siteFolder: site.folder), log: .silent, highlighter: PlainHighlighter()
        ).run()
    }

    private func status(_ path: String) throws -> stat {
        var status = stat()
        XCTAssertEqual(lstat(site.output.appendingPathComponent(path).path, &status), 0, path)
        return status
    }

    func testUnchangedFilesAreTheSameFilesAndAChangedPageIsWrittenAnew() throws {
        try build()
        let first = site.snapshot("public")
        let index = try status("index.html")
        let page = try status("first-essay/index.html")
        try build()
        XCTAssertEqual(site.snapshot("public"), first)
        XCTAssertEqual(try status("index.html").st_ino, index.st_ino, "linked, not written")
        XCTAssertEqual(try status("index.html").st_nlink, 1, "the previous output is gone")
        XCTAssertEqual(try status("first-essay/index.html").st_ino, page.st_ino)

        let essay = "content/first-essay/index.md"
        try site.write(essay, try site.read(essay).replacingOccurrences(of: "An opening", with: "A changed opening"))
        try build()
        XCTAssertTrue(try site.read("public/first-essay/index.html").contains("A changed opening"))
        XCTAssertNotEqual(try status("first-essay/index.html").st_ino, page.st_ino)
        XCTAssertEqual(try status("second-essay/index.html").st_nlink, 1)
    }

    func testAFileWithAnotherLinkOrAnotherModeIsWrittenAnew() throws {
        try build()
        let elsewhere = site.folder.appendingPathComponent("feed-copy.xml").path
        XCTAssertEqual(link(site.output.appendingPathComponent("feed.xml").path, elsewhere), 0)
        XCTAssertEqual(chmod(site.output.appendingPathComponent("404.html").path, 0o600), 0)
        let feed = try status("feed.xml")
        try build()
        XCTAssertNotEqual(try status("feed.xml").st_ino, feed.st_ino, "never shares a file linked elsewhere")
        var copy = stat()
        XCTAssertEqual(stat(elsewhere, &copy), 0)
        XCTAssertEqual(copy.st_nlink, 1)
        XCTAssertEqual(try status("404.html").st_mode & 0o777, 0o644 & ~currentUmask())
    }

    func testAFileReachedThroughASymbolicLinkIsWrittenAnew() throws {
        try build()
        let outside = site.folder.appendingPathComponent("outside", isDirectory: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let essay = site.output.appendingPathComponent("second-essay")
        try FileManager.default.moveItem(at: essay, to: outside.appendingPathComponent("second-essay"))
        try FileManager.default.createSymbolicLink(
            at: essay, withDestinationURL: outside.appendingPathComponent("second-essay"))
        let kept = try status("second-essay/index.html")
        try build()
        let page = try status("second-essay/index.html")
        XCTAssertEqual(page.st_mode & S_IFMT, S_IFREG)
        XCTAssertNotEqual(page.st_ino, kept.st_ino, "a file outside the output is never linked in")
        XCTAssertEqual(page.st_nlink, 1)
        var original = stat()
        XCTAssertEqual(stat(outside.appendingPathComponent("second-essay/index.html").path, &original), 0)
        XCTAssertEqual(original.st_nlink, 1, "and stays where it was")
    }

    private func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
