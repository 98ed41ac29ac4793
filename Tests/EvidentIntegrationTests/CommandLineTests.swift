import EvidentTestSupport
import Foundation
import XCTest

/// The command line's own failures: usage errors exit 2, `--help` shows an example, a folder without a site says
/// what to do.
final class CommandLineTests: XCTestCase {
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
