import Foundation
import XCTest

/// Live reload end to end: the injected script, a rebuild after an edit, the error overlay and recovery.
final class ServeLiveReloadTests: XCTestCase {
    func testScriptIsInjectedIntoServedPagesOnly() async throws {
        let server = try await ServeHarness()
        let served = try RawHTTP.request(server.port, "/first-essay/").text
        XCTAssertTrue(served.contains("new EventSource(\"/__evident/reload\")"))
        XCTAssertTrue(served.hasSuffix("</script></body>\n</html>\n"), String(served.suffix(80)))
        XCTAssertFalse(try RawHTTP.request(server.port, "/assets/style.css").text.contains("EventSource"))
        for case let file as String in FileManager.default.enumerator(atPath: server.output.path) ?? .init() {
            let contents = FileManager.default.contents(atPath: server.output.appendingPathComponent(file).path)
            XCTAssertFalse(String(decoding: contents ?? Data(), as: UTF8.self).contains("__evident"), file)
        }
        XCTAssertFalse(server.site.exists("public"), "the preview never writes the site's public/")
        await server.stop()
    }

    func testEditingAnEssayReloadsTheOpenPageWithinASecond() async throws {
        let server = try await ServeHarness()
        let events = try RawHTTP.Events(server.port)
        let served = try XCTUnwrap(events.next(timeout: 5))
        let essay = "content/first-essay/index.md"
        let edited = try server.site.read(essay).replacingOccurrences(
            of: "An opening paragraph", with: "A freshly edited paragraph")
        let written = Date()
        try server.site.write(essay, edited)
        let generation = try XCTUnwrap(events.next(timeout: 5), "no reload event")
        let eventDelay = Date().timeIntervalSince(written)
        XCTAssertNotEqual(generation, served)
        let page = try RawHTTP.request(server.port, "/first-essay/").text
        let contentDelay = Date().timeIntervalSince(written)
        XCTAssertTrue(page.contains("A freshly edited paragraph"))
        print(
            String(
                format: "serve: reload event %.0f ms, new content %.0f ms after the write", eventDelay * 1000,
                contentDelay * 1000))
        XCTAssertLessThan(eventDelay, 1)
        XCTAssertLessThan(contentDelay, 1)
        await server.stop()
    }

    func testABurstOfSavesIsOneRebuild() async throws {
        let server = try await ServeHarness()
        let events = try RawHTTP.Events(server.port)
        let first = try XCTUnwrap(events.next(timeout: 5))
        for round in 1...5 {
            try server.site.write("content/second-essay/notes-\(round).txt", "save \(round)")
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTAssertEqual(events.next(timeout: 5), String(Int(first)! + 1))
        XCTAssertNil(events.next(timeout: 1), "a second rebuild for one burst")
        await server.stop()
    }

    func testTemplateErrorShowsOverlayOverLastGoodPageUntilFixed() async throws {
        let server = try await ServeHarness()
        let events = try RawHTTP.Events(server.port)
        _ = events.next(timeout: 5)
        try server.site.write(
            "templates/essay.mustache", "{{<base}}\n{{$content}}\n{{#page.tags}}{{.}}\n{{/content}}\n")
        XCTAssertNotNil(events.next(timeout: 5), "no event after the failed build")
        let broken = try RawHTTP.request(server.port, "/first-essay/")
        XCTAssertEqual(broken.status, 200)
        XCTAssertTrue(broken.text.contains("An opening paragraph"), "the last good page is still served")
        XCTAssertTrue(broken.text.contains("id=\"evident-build-error\""))
        // Its message keeps its own colours: the theme's light `pre` background would leave it white on white.
        XCTAssertTrue(
            broken.text.contains("<pre style=\"white-space:pre-wrap;margin:0;padding:0;background:none;color:#fafafa"))
        XCTAssertTrue(broken.text.contains("templates/essay.mustache:4: template syntax error"))
        XCTAssertTrue(broken.text.contains("`{{/content}}` closes `{{#page.tags}}` from line 3"))
        XCTAssertTrue(broken.text.contains("{{#section}} and {{&lt;parent}}"), "the message is escaped")

        try FileManager.default.removeItem(at: server.site.folder.appendingPathComponent("templates/essay.mustache"))
        XCTAssertNotNil(events.next(timeout: 5), "no event after the good build")
        let fixed = try RawHTTP.request(server.port, "/first-essay/")
        XCTAssertFalse(fixed.text.contains("evident-build-error"))
        XCTAssertTrue(fixed.text.contains("An opening paragraph"))
        await server.stop()
    }
}
