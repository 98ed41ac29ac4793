import EvidentTestSupport
import Foundation
import XCTest

/// Drafts and page bundles in the real `evident serve` process: with `--drafts` a new draft, and a new or changed
/// file beside it, are served after one save; a folder that holds no site is refused, not served.
final class ServeDraftsTests: XCTestCase {
    func testANewDraftAndItsFiguresShowWithinOneSave() throws {
        let server = try ServeProcess(arguments: ["--drafts"])
        let events = try RawHTTP.Events(server.port)
        XCTAssertNotNil(events.next(timeout: 5))
        XCTAssertEqual(try RawHTTP.request(server.port, "/a-draft/").status, 200, "the fixture's draft is served")
        XCTAssertTrue(server.output("stdout").contains("built 3 pages"), server.output("stdout"))

        let svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"
        try server.site.write("content/fresh/fig.svg", svg)
        try server.site.write(
            "content/fresh/index.md",
            "---\ntitle: Fresh draft\ndate: 2026-07-01\ndraft: true\n---\n\n![a box](fig.svg)\n")
        XCTAssertNotNil(events.next(timeout: 5), "no reload after the new draft")
        let page = try RawHTTP.request(server.port, "/fresh/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("Fresh draft"))
        let figure = try RawHTTP.request(server.port, "/fresh/fig.svg")
        XCTAssertEqual(figure.headers["content-type"], "image/svg+xml")
        XCTAssertEqual(figure.text, svg)

        try server.site.write("content/fresh/fig.svg", svg.replacingOccurrences(of: "10", with: "20"))
        XCTAssertNotNil(events.next(timeout: 5), "no reload after the figure changed")
        XCTAssertTrue(try RawHTTP.request(server.port, "/fresh/fig.svg").text.contains("width=\"20\""))
    }

    func testAFolderWithoutASiteIsRefusedNotServed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-nosite-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EvidentCLI.run(["serve", "--site", folder.path, "--port", String(try RawHTTP.freePort())])
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(result.stdout.contains("serving"), result.stdout)
        XCTAssertTrue(result.stderr.contains("no site configuration found in"), result.stderr)
    }

    func testCheckTakesDraftsToo() throws {
        let site = try makeSite("sites/basic")
        let without = try EvidentCLI.run(["check", "--site", site.folder.path])
        XCTAssertTrue(without.stdout.contains("checked 2 pages"), without.stdout)
        XCTAssertTrue(without.stdout.contains("1 draft skipped: `--drafts` includes it"), without.stdout)
        let with = try EvidentCLI.run(["check", "--site", site.folder.path, "--drafts"])
        XCTAssertEqual(with.status, 0, with.stderr)
        XCTAssertTrue(with.stdout.contains("checked 3 pages"), with.stdout)
    }
}
