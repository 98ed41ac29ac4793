import EvidentTestSupport
import Foundation
import XCTest

/// Every case under `Tests/Fixtures/invalid/` is a whole site that must fail with exactly the message in its
/// `expected-error.txt` (exit 1, `file:line: what — fix`), quickly, leaving the previous output and stored evidence
/// byte for byte as they were, no staging folder and no process behind. Cases with an essay `e` get the stored
/// evidence of an earlier, successful build (`invalid/previous-build`).
final class InvalidSiteTests: XCTestCase {
    private static let root = FixtureSite.fixtures.appendingPathComponent("invalid")
    /// The cases whose experiment fails after the directive `fast` was measured.
    private static let measureFirst: Set<String> = [
        "experiment-fails", "experiment-floods", "experiment-garbage", "experiment-hangs", "experiment-orphans",
    ]

    private var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.root.path)) ?? []
        return names.sorted().filter {
            FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("\($0)/expected-error.txt").path)
        }
    }

    func testEveryCaseFailsWithItsMessageAndLosesNothing() throws {
        XCTAssertEqual(cases.count, 26)
        for name in cases {
            let site = try makeSite("invalid/\(name)")
            // The output of a previous build, with the marker by which evident knows it may replace it.
            try site.write("public/.evident-output", "")
            try site.write("public/index.html", "<p>the previous build</p>\n")
            try site.write("public/old/index.html", "<p>an old page</p>\n")
            let output = site.snapshot("public")
            if site.exists("content/e/experiments") { try site.lay("invalid/previous-build") }
            let evidence = site.snapshot("content/e/evidence")
            XCTAssertEqual(evidence.count, site.exists("content/e/experiments") ? 2 : 0, name)
            let expected = try site.read("expected-error.txt").trimmingCharacters(in: .newlines)

            let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])

            XCTAssertEqual(result.status, 1, name)
            // A case whose first directive was measured before the failure also says that measurement was dropped.
            let lost = "warning: the build failed, so the new evidence of `fast` was not stored"
            let lines = EvidentCLI.normalized(result.stderr, site: site.folder).components(separatedBy: "\n")
            XCTAssertEqual(lines.filter { !$0.hasPrefix(lost) }.joined(separator: "\n"), "error: \(expected)", name)
            XCTAssertEqual(lines.first?.hasPrefix(lost), Self.measureFirst.contains(name), name)
            XCTAssertLessThan(result.seconds, 15, "\(name) took \(result.seconds) s")
            XCTAssertEqual(site.snapshot("public"), output, "\(name): the output changed")
            XCTAssertEqual(site.snapshot("content/e/evidence"), evidence, "\(name): the stored evidence changed")
            XCTAssertEqual(site.leftovers, [], name)
            XCTAssertEqual(EvidentCLI.processes(mentioning: site.folder.path), [], "\(name) left a process running")
        }
    }

    func testEveryMessageNamesAFileAndAFix() throws {
        for name in cases {
            let message = try String(
                contentsOf: Self.root.appendingPathComponent("\(name)/expected-error.txt"), encoding: .utf8)
            XCTAssertNotNil(
                message.range(of: #"(?s)^(content|templates)/[^ ]+: .+ — .+"#, options: .regularExpression), name)
        }
    }
}
