import Foundation
import XCTest

/// Every fixture under `Tests/Fixtures/sites/invalid/` fails with exactly the message in its
/// `expected-error.txt`, exit code 1, and leaves the previous output byte for byte as it was.
final class InvalidSiteTests: XCTestCase {
    func testEveryInvalidFixtureFailsCleanly() throws {
        let root = FixtureSite.fixtures.appendingPathComponent("sites/invalid")
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 7)
        for name in cases {
            let site = try FixtureSite("sites/invalid/\(name)")
            defer { site.remove() }
            try site.write("public/index.html", "<p>the previous build</p>\n")
            try site.write("public/old/index.html", "<p>an old page</p>\n")
            let before = site.snapshot("public")
            let expected = try site.read("expected-error.txt").trimmingCharacters(in: .newlines)
            let result = try EvidentCLI.run(["build", "--site", site.folder.path])
            XCTAssertEqual(result.status, 1, name)
            XCTAssertEqual(result.stderr.trimmingCharacters(in: .newlines), "error: \(expected)", name)
            XCTAssertEqual(site.snapshot("public"), before, "\(name): the output changed")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path)
                .filter { $0.contains("evident-staging") }
            XCTAssertEqual(leftovers, [], name)
        }
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try EvidentCLI.run(["build", "--no-such-flag"]).status, 2)
        XCTAssertEqual(try EvidentCLI.run(["build", "some-id"]).status, 2)
        XCTAssertEqual(try EvidentCLI.run(["build", "--refresh", "--frozen"]).status, 2)
    }

    func testHelpShowsAnExampleAndExitsZero() throws {
        for command in ["build", "check", "init", "new"] {
            let result = try EvidentCLI.run([command, "--help"])
            XCTAssertEqual(result.status, 0, command)
            XCTAssertTrue(result.stdout.contains("Example"), command)
        }
    }

    func testMissingSiteSaysWhatToDo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EvidentCLI.run(["build"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("evident init"), result.stderr)
    }
}
