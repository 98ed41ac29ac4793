import Foundation
import XCTest

@testable import EvidentServe

/// What the preview answers, and how it ends connections: only host names that reach its address (a page on
/// another site cannot read it through DNS rebinding), and HTTP/1.0 connections closed unless kept alive.
final class ServeHostTests: XCTestCase {
    func testForeignHostNamesAreRefusedWith421() async throws {
        let server = try await ServeHarness()
        for host in ["evil.example", "evil.example:\(server.port)", "localhost.evil.example", "127.0.0.1.nip.io"] {
            let reply = try RawHTTP.request(server.port, "/first-essay/", headers: ["Host": host])
            XCTAssertEqual(reply.status, 421, host)
            XCTAssertEqual(reply.headers["content-type"], "text/plain; charset=utf-8", host)
            XCTAssertTrue(reply.text.contains("localhost, 127.0.0.1, [::1]"), host)
            XCTAssertFalse(reply.text.contains("An opening paragraph"), host)
        }
        let events = try RawHTTP.request(server.port, "/__evident/reload", headers: ["Host": "evil.example"])
        XCTAssertEqual(events.status, 421, "the live-reload channel is refused too")
        await server.stop()
    }

    func testLoopbackNamesAreServedWithOrWithoutThePort() async throws {
        let server = try await ServeHarness()
        let port = server.port
        for host in ["localhost", "localhost:\(port)", "127.0.0.1", "127.0.0.1:\(port)", "[::1]:\(port)", "LocalHost"] {
            let reply = try RawHTTP.request(port, "/first-essay/", headers: ["Host": host])
            XCTAssertEqual(reply.status, 200, host)
            XCTAssertTrue(reply.text.contains("An opening paragraph"), host)
        }
        await server.stop()
    }

    func testTheGivenHostAndAddressesWhenListeningEverywhere() {
        let named = AllowedHosts(listeningOn: "preview.internal")
        XCTAssertTrue(named.allows("preview.internal:8000"))
        XCTAssertTrue(named.allows("localhost:8000"))
        XCTAssertFalse(named.allows("192.168.1.20:8000"))
        XCTAssertFalse(named.allows("preview.internal:80x"))
        let everywhere = AllowedHosts(listeningOn: "0.0.0.0")
        XCTAssertTrue(everywhere.allows("192.168.1.20:8000"))
        XCTAssertTrue(everywhere.allows("[fe80::1]:8000"))
        XCTAssertFalse(everywhere.allows("attacker.example:8000"))
        XCTAssertFalse(everywhere.allows("1.2.3.4.attacker.example"))
        let v6 = AllowedHosts(listeningOn: "::1")
        XCTAssertTrue(v6.allows("[::1]:8000"))
        XCTAssertFalse(v6.allows("::1"), "an IPv6 address in Host needs its brackets")
        XCTAssertTrue(v6.allows(nil), "an HTTP/1.0 request without Host")
    }

    func testHTTP10ConnectionIsClosedAfterTheResponseUnlessKeptAlive() async throws {
        let server = try await ServeHarness()
        let plain = try RawHTTP.exchange(server.port, "GET /first-essay/ HTTP/1.0\r\n\r\n", wait: 3)
        XCTAssertTrue(plain.closed, "an HTTP/1.0 connection left open")
        let text = String(decoding: plain.reply, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 200"), String(text.prefix(80)))
        XCTAssertTrue(text.lowercased().contains("\r\nconnection: close\r\n"))
        XCTAssertTrue(text.contains("An opening paragraph"))

        let kept = try RawHTTP.exchange(
            server.port, "GET /first-essay/ HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", wait: 0.5)
        XCTAssertFalse(kept.closed, "a kept-alive HTTP/1.0 connection was closed")
        XCTAssertTrue(String(decoding: kept.reply, as: UTF8.self).lowercased().contains("connection: keep-alive"))

        let closing = try RawHTTP.exchange(
            server.port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: Close\r\n\r\n", wait: 3)
        XCTAssertTrue(closing.closed, "`Connection: Close` (any case) left the connection open")
        await server.stop()
    }
}
