import EvidentTestSupport
import Foundation
import XCTest

/// Smaller guards of the command line: `init` writes through no symbolic link, slugs that differ only in case are
/// refused, and a preview that cannot listen says why in words.
final class SmallSafetyTests: XCTestCase {
    func testInitRefusesAGitignoreThatIsASymbolicLink() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let elsewhere = folder.appendingPathComponent("elsewhere.txt")
        try "mine\n".write(to: elsewhere, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: site.appendingPathComponent(".gitignore"), withDestinationURL: elsewhere)

        let result = try EvidentCLI.run(["init", "site"], in: folder)

        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(
            result.stderr.contains(
                ".gitignore: `.gitignore` is a symbolic link, and `evident init` writes only to a regular file inside "
                    + "the new site — replace it with a regular file (or remove it), then run `evident init` again"),
            result.stderr)
        XCTAssertEqual(try String(contentsOf: elsewhere, encoding: .utf8), "mine\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("content").path))
    }

    func testSlugsThatDifferOnlyInCaseAreRefusedByName() throws {
        let essay = "---\ntitle: T\ndate: 2026-01-05\n---\n\nText.\n"
        let site = try makeSite(
            files: ["content/site.yml": "title: S\n", "content/Foo/index.md": essay, "content/foo/index.md": essay])
        let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(
            result.stderr,
            "error: content/foo/: the essays `Foo` and `foo` differ only in case, so on a case-insensitive file system "
                + "(macOS, Windows) one page would overwrite the other — rename one of the two folders\n")
    }

    func testAPortInUseIsSaidInWords() throws {
        let server = try ServeProcess()
        let other = try makeSite("sites/basic")
        let result = try EvidentCLI.run(["serve", "--site", other.folder.path, "--port", String(server.port)])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(
            result.stderr.hasSuffix(
                "error: cannot listen on 127.0.0.1:\(server.port): address already in use — another program (perhaps "
                    + "another `evident serve`) uses the port: stop it, or choose another with --port, e.g. --port "
                    + "\(server.port + 1)\n"),
            result.stderr)
        XCTAssertEqual(server.stop(with: SIGTERM, timeout: 5), 0)
    }
}
