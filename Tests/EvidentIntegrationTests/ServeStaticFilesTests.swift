import Foundation
import XCTest

/// The preview server as a static file server: types, folders, the 404 page, refused paths, validators, HEAD.
final class ServeStaticFilesTests: XCTestCase {
    func testContentTypesByExtension() async throws {
        let server = try await ServeHarness()
        let expected = [
            "a.css": "text/css; charset=utf-8", "a.js": "text/javascript; charset=utf-8", "a.svg": "image/svg+xml",
            "a.png": "image/png", "a.jpg": "image/jpeg", "a.json": "application/json",
            "a.csv": "text/csv; charset=utf-8", "a.xml": "application/xml", "a.txt": "text/plain; charset=utf-8",
            "a.woff2": "font/woff2", "a.bin": "application/octet-stream",
        ]
        for name in expected.keys {
            try Data("x".utf8).write(to: server.output.appendingPathComponent(name))
        }
        for (name, type) in expected {
            let reply = try RawHTTP.request(server.port, "/\(name)")
            XCTAssertEqual(reply.status, 200, name)
            XCTAssertEqual(reply.headers["content-type"], type, name)
            XCTAssertEqual(reply.text, "x", name)
        }
        XCTAssertEqual(try RawHTTP.request(server.port, "/").headers["content-type"], "text/html; charset=utf-8")
        await server.stop()
    }

    func testFoldersServeTheirIndexAndRedirectWithoutSlash() async throws {
        let server = try await ServeHarness()
        let home = try RawHTTP.request(server.port, "/")
        XCTAssertEqual(home.status, 200)
        XCTAssertTrue(home.text.contains("The first essay"))
        let redirect = try RawHTTP.request(server.port, "/first-essay?x=1")
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect.headers["location"], "/first-essay/?x=1")
        let essay = try RawHTTP.request(server.port, "/first-essay/")
        XCTAssertEqual(essay.status, 200)
        XCTAssertTrue(essay.text.contains("An opening paragraph"))
        XCTAssertEqual(try RawHTTP.request(server.port, "/feed.xml/").status, 404)
        await server.stop()
    }

    func testMissingFilesGetTheSite404PageWithStatus404() async throws {
        let server = try await ServeHarness()
        let reply = try RawHTTP.request(server.port, "/no-such-essay/")
        XCTAssertEqual(reply.status, 404)
        XCTAssertEqual(reply.headers["content-type"], "text/html; charset=utf-8")
        let page = try String(contentsOf: server.output.appendingPathComponent("404.html"), encoding: .utf8)
        let start = try XCTUnwrap(page.range(of: "</body>")).lowerBound
        XCTAssertTrue(reply.text.hasPrefix(String(page[..<start])))
        await server.stop()
    }

    func testPathsLeavingTheOutputAreRefused() async throws {
        let server = try await ServeHarness()
        try FileManager.default.createSymbolicLink(
            atPath: server.output.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        let attempts = [
            "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd", "/..%2f..%2fetc/passwd",
            "/first-essay/..%2F..%2F..%2Fetc/passwd", "//etc/passwd", "/etc/passwd", "/etc/", "/%2fetc/passwd",
            "/a%00.html", "/..%5c..%5cetc/passwd", "/%zz", "/./index.html", "http://127.0.0.1/../etc/passwd",
        ]
        for attempt in attempts {
            let reply = try RawHTTP.request(server.port, attempt)
            XCTAssertTrue([400, 404].contains(reply.status), "\(attempt): \(reply.status)")
            XCTAssertFalse(reply.text.contains("root:"), attempt)
        }
        await server.stop()
    }

    func testConditionalRequestsAnswer304() async throws {
        let server = try await ServeHarness()
        for path in ["/assets/style.css", "/first-essay/"] {
            let first = try RawHTTP.request(server.port, path)
            let etag = try XCTUnwrap(first.headers["etag"], path)
            let lastModified = try XCTUnwrap(first.headers["last-modified"], path)
            let byTag = try RawHTTP.request(server.port, path, headers: ["If-None-Match": etag])
            XCTAssertEqual(byTag.status, 304, path)
            XCTAssertEqual(byTag.body.count, 0, path)
            XCTAssertEqual(byTag.headers["etag"], etag, path)
            let byDate = try RawHTTP.request(server.port, path, headers: ["If-Modified-Since": lastModified])
            XCTAssertEqual(byDate.status, 304, path)
            let stale = try RawHTTP.request(server.port, path, headers: ["If-None-Match": "\"other\""])
            XCTAssertEqual(stale.status, 200, path)
            let old = "Thu, 01 Jan 1970 00:00:00 GMT"
            XCTAssertEqual(try RawHTTP.request(server.port, path, headers: ["If-Modified-Since": old]).status, 200)
        }
        await server.stop()
    }

    func testHeadSendsHeadersWithoutBody() async throws {
        let server = try await ServeHarness()
        let get = try RawHTTP.request(server.port, "/assets/style.css")
        let head = try RawHTTP.request(server.port, "/assets/style.css", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body.count, 0)
        XCTAssertEqual(head.headers["content-length"], String(get.body.count))
        XCTAssertEqual(head.headers["etag"], get.headers["etag"])
        XCTAssertEqual(try RawHTTP.request(server.port, "/", method: "POST").status, 405)
        await server.stop()
    }
}
