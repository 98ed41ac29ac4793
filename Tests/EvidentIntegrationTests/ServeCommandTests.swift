import EvidentTestSupport
import Foundation
import XCTest

/// `evident serve` as a user runs it: it prints where it serves, and Ctrl-C stops it cleanly.
final class ServeCommandTests: XCTestCase {
    func testServeStopsCleanlyOnInterrupt() throws {
        let site = try makeSite("sites/basic")
        let port = try RawHTTP.freePort()
        let process = Process()
        process.executableURL = try EvidentCLI.binary
        process.arguments = ["serve", "--site", site.folder.path, "--port", String(port)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var printed = ""
        while !printed.contains("serving http://127.0.0.1:\(port)/") {
            let data = out.fileHandleForReading.availableData
            guard !data.isEmpty else { return XCTFail("serve exited before listening: \(printed)") }
            printed += String(decoding: data, as: UTF8.self)
        }
        XCTAssertEqual(try RawHTTP.request(port, "/").status, 200)
        let events = try RawHTTP.Events(port)
        XCTAssertNotNil(events.next(timeout: 5))
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        XCTAssertFalse(process.isRunning, "still running 5 s after Ctrl-C")
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertFalse(site.exists("public"))
    }

    func testPortOutOfRangeIsAUsageError() throws {
        XCTAssertEqual(try EvidentCLI.run(["serve", "--port", "70000"]).status, 2)
    }
}
