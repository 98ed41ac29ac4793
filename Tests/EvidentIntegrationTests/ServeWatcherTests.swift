import EvidentTestSupport
import Foundation
import Glibc
import XCTest

@testable import EvidentCore
@testable import EvidentServe

/// The watcher on its own: folders that appear later are watched too, and when inotify cannot be had (here: no
/// file descriptor left for it) it polls instead and says so once.
final class ServeWatcherTests: XCTestCase {
    func testFoldersCreatedAfterTheStartAreWatched() async throws {
        let server = try await ServeHarness()
        let events = try RawHTTP.Events(server.port)
        let first = try XCTUnwrap(events.next(timeout: 5))
        try server.site.write("content/second-essay/notes/2024/draft.txt", "a new folder, two deep")
        let second = try XCTUnwrap(events.next(timeout: 5), "no rebuild after a new folder")
        XCTAssertNotEqual(second, first)
        try server.site.write("content/second-essay/notes/2024/draft.txt", "edited inside the new folder")
        XCTAssertNotNil(events.next(timeout: 5), "an edit inside a folder created after the start was not seen")
        await server.stop()
    }

    func testFallsBackToPollingWhenInotifyIsUnavailable() async throws {
        let site = try makeSite("sites/basic")
        let warnings = Warnings()
        let log = Log(info: { _ in }, warning: { warnings.append($0) })
        // The runtime sets up its timers (descriptors of their own) on the first sleep: done here, before no
        // descriptor is left, as `evident serve` has done by its first build, since this test may be the first
        // thing its process runs (`--parallel` gives each test a process).
        try await Task.sleep(for: .milliseconds(1))
        let watcher = DescriptorLimit.withNoneFree {
            Watcher(folders: [site.folder.appendingPathComponent("content")], log: log)
        }
        defer { watcher.stop() }
        XCTAssertTrue(watcher.isPolling)
        XCTAssertEqual(warnings.all.count, 1)
        XCTAssertTrue(warnings.all.first?.contains("inotify_init1: Too many open files") ?? false, "\(warnings.all)")

        let changed = expectation(description: "a change is reported by polling")
        let watching = Task { await watcher.watch { changed.fulfill() } }
        try site.write("content/first-essay/index.md", try site.read("content/first-essay/index.md") + "\nMore.\n")
        await fulfillment(of: [changed], timeout: 5)
        watching.cancel()
        XCTAssertEqual(warnings.all.count, 1, "the fallback is announced once")
    }
}

/// The warnings a log received, from any thread.
private final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
}
