import EvidentTestSupport
import Foundation
import XCTest

/// Builds of one site serialize on the site's lock: builds started together each publish a complete site, the one
/// that waits says so once, only staging folders of builds that are gone are removed, and the preview server's
/// rebuilds take turns with `evident build` without a deadlock (real `evident` processes).
final class ConcurrentBuildTests: XCTestCase {
    /// The basic fixture with `count` more essays, enough for a build to take a while.
    private func largeSite(_ count: Int) throws -> FixtureSite {
        let site = try makeSite("sites/basic")
        let paragraph = String(repeating: "A sentence of an essay about measuring things honestly. ", count: 12)
        for number in 0..<count {
            try site.write(
                "content/essay-\(number)/index.md",
                "---\ntitle: Essay \(number)\ndate: 2025-01-01\nsummary: Number \(number).\n---\n\n## One\n\n"
                    + "\(paragraph)\n\n## Two\n\n\(paragraph)\n")
        }
        return site
    }

    /// Each round starts a build, and two more the moment the first one's staging folder appears (so they reach
    /// the output while it writes): all succeed and `public/` is byte for byte a serial build.
    func testBuildsStartedTogetherEachPublishACompleteSite() throws {
        let site = try largeSite(300)
        let arguments = ["build", "--site", site.folder.path]
        XCTAssertEqual(try EvidentCLI.run(arguments + ["--quiet"]).status, 0)
        let reference = site.snapshot("public")
        XCTAssertEqual(
            reference.count, 2 + 300 + 6 + 5,
            "pages, four site files, the style sheet, the marker, and the two tags' index, pages and feeds")
        for round in 0..<3 {
            let first = try EvidentCLI.start(arguments)
            XCTAssertTrue(
                EvidentCLI.waitUntil(30) {
                    !FixtureSite.leftovers(in: site.folder).isEmpty || !first.process.isRunning
                },
                "round \(round): no staging folder appeared")
            let builds = try [first] + (0..<2).map { _ in try EvidentCLI.start(arguments) }
            var waited = 0
            for (process, stdout, stderr) in builds {
                XCTAssertTrue(EvidentCLI.waitUntil(120) { !process.isRunning }, "round \(round): a build never ended")
                process.waitUntilExit()
                let printed = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
                let errors = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
                XCTAssertEqual(process.terminationStatus, 0, "round \(round): \(errors)")
                waited += printed.components(separatedBy: "waiting for another build of this site").count - 1
            }
            let output = site.snapshot("public")
            XCTAssertEqual(output.count, reference.count, "round \(round): a partial site")
            XCTAssertTrue(output == reference, "round \(round): not the serial build")
            XCTAssertEqual(FixtureSite.leftovers(in: site.folder), [], "round \(round)")
            XCTAssertGreaterThan(waited, 0, "round \(round): no build waited for the first")
        }
    }

    func testABuildWaitsForTheLockAndSaysSoOnce() throws {
        let site = try makeSite("sites/basic")
        XCTAssertEqual(try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"]).status, 0)
        let lock = open(site.folder.appendingPathComponent(".evident-cache/build.lock").path, O_RDWR)
        XCTAssertEqual(flock(lock, LOCK_EX), 0)
        try site.write("content/first-essay/index.md", "---\ntitle: Rewritten\ndate: 2025-02-01\n---\n\nNew.\n")
        let (process, stdout, _) = try EvidentCLI.start(["build", "--site", site.folder.path])
        let message = "waiting for another build of this site to finish"
        XCTAssertTrue(
            EvidentCLI.waitUntil(20) { ((try? String(contentsOf: stdout, encoding: .utf8)) ?? "").contains(message) },
            "the build did not say that it waits")
        usleep(300_000)
        XCTAssertTrue(process.isRunning, "the build did not wait for the lock")
        XCTAssertFalse(try site.read("public/first-essay/index.html").contains("Rewritten"))
        close(lock)
        XCTAssertTrue(EvidentCLI.waitUntil(20) { !process.isRunning })
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let printed = try String(contentsOf: stdout, encoding: .utf8)
        XCTAssertEqual(printed.components(separatedBy: message).count, 2, printed)
        XCTAssertTrue(try site.read("public/first-essay/index.html").contains("Rewritten"))
    }

    /// A site whose cache folder cannot be made (here a file stands in its place) is locked through the site
    /// folder itself.
    func testWithoutACacheFolderTheSiteFolderIsTheLock() throws {
        let site = try makeSite("sites/basic")
        try site.write(".evident-cache", "not a folder\n")
        let lock = open(site.folder.path, O_RDONLY | O_DIRECTORY)
        XCTAssertEqual(flock(lock, LOCK_EX), 0)
        let (process, stdout, _) = try EvidentCLI.start(["build", "--site", site.folder.path])
        XCTAssertTrue(
            EvidentCLI.waitUntil(20) {
                ((try? String(contentsOf: stdout, encoding: .utf8)) ?? "").contains("waiting for another build")
            }, "the build did not wait for the lock on the site folder")
        XCTAssertFalse(site.exists("public"))
        close(lock)
        XCTAssertTrue(EvidentCLI.waitUntil(20) { !process.isRunning })
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(site.exists("public/index.html"))
    }

    /// A staging folder whose build is gone (its `flock` is free, whatever its name says) is removed; one whose
    /// build still runs (here: held by this test) is left alone.
    func testOnlyStagingFoldersOfEndedBuildsAreRemoved() throws {
        let site = try makeSite("sites/basic")
        let abandoned = [".public.evident-staging-4194303-1", ".public.evident-staging-\(getpid())"]
        for name in abandoned { try site.write("\(name)/index.html", "<p>half a build</p>\n") }
        let live = ".public.evident-staging-\(getpid())-99"
        try site.write("\(live)/index.html", "<p>a build under way</p>\n")
        let held = open(site.folder.appendingPathComponent(live).path, O_RDONLY | O_DIRECTORY)
        defer { close(held) }
        XCTAssertEqual(flock(held, LOCK_EX | LOCK_NB), 0)

        XCTAssertEqual(try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"]).status, 0)
        for name in abandoned { XCTAssertFalse(site.exists(name), name) }
        XCTAssertEqual(try site.read("\(live)/index.html"), "<p>a build under way</p>\n")
        XCTAssertTrue(site.exists("public/index.html"))
    }

    /// The preview server takes the lock for each rebuild only: builds run while it serves, and it rebuilds after
    /// an edit made while a build runs.
    func testServeAndBuildOfOneSiteTakeTurns() async throws {
        let server = try await ServeHarness()
        let site = server.site
        let events = try RawHTTP.Events(server.port)
        _ = try XCTUnwrap(events.next(timeout: 5))
        for round in 1...3 {
            let (process, _, stderr) = try EvidentCLI.start(["build", "--site", site.folder.path, "--quiet"])
            try site.write(
                "content/first-essay/index.md", "---\ntitle: Round \(round)\ndate: 2025-02-01\n---\n\nEdit \(round).\n")
            XCTAssertNotNil(events.next(timeout: 10), "round \(round): no rebuild")
            XCTAssertTrue(EvidentCLI.waitUntil(20) { !process.isRunning }, "round \(round): the build hangs")
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
            XCTAssertTrue(try RawHTTP.request(server.port, "/first-essay/").text.contains("Edit \(round)."))
        }
        XCTAssertTrue(site.exists("public/index.html"))
        await server.stop()
    }
}
