import EvidentTestSupport
import Foundation
import XCTest

/// Control characters that YAML escapes or experiments write reach neither a page nor the terminal as they are:
/// pages drop them, and messages print them as `\xHH`.
final class ControlCharacterTests: XCTestCase {
    func testFrontMatterControlCharactersNeverReachAPage() throws {
        let site = try makeSite(
            "sites/basic",
            files: [
                "content/first-essay/index.md":
                    "---\ntitle: \"Bell\\a title\"\ndate: 2026-01-05\nsummary: \"A NUL\\0 and an \\e[31mescape\"\n"
                    + "tags: [\"t\\x01ag\"]\n---\n\nText.\n"
            ])
        let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let page = try site.read("public/first-essay/index.html")
        XCTAssertTrue(page.contains(#"<meta name="description" content="A NUL and an [31mescape">"#), page)
        XCTAssertTrue(page.contains("<title>Bell title"), page)
        for file in site.snapshot("public").filter({ $0.key.hasSuffix(".html") || $0.key.hasSuffix(".xml") }) {
            XCTAssertFalse(file.value.contains { $0 < 0x20 && ![0x09, 0x0A, 0x0D].contains($0) }, file.key)
        }
    }

    func testAnExperimentsStderrIsPrintedWithItsControlCharactersVisible() throws {
        let site = try makeSite(
            files: [
                "content/site.yml": "title: S\n",
                "content/e/index.md":
                    "---\ntitle: E\ndate: 2026-01-05\n---\n\n```bench\nid: b\ntitle: B\ncommands:\n"
                    + "  bad: sh -c 'printf \"\\033[31mred\\000nul\\033]0;pwned\\007\\rover\\n\" >&2; exit 3'\n"
                    + "samples: 1\n```\n",
            ])
        let result = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains(#"\x1B[31mred\x00nul\x1B]0;pwned\x07\x0Dover"#), result.stderr)
        XCTAssertFalse(result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }
}
