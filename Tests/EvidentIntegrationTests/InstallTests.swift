import EvidentSystem
import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentEvidence

/// `make install PREFIX=DIR`: both executables into DIR/bin and the shell completions where bash, zsh and fish
/// look for them. This runs its copying half (`install-files`) on the executables `swift build` made; `install`
/// itself first makes the release build.
final class InstallTests: XCTestCase {
    func testInstallPutsBothExecutablesAndTheCompletionsUnderThePrefix() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("evident-prefix-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let make = try Subprocess(
            ["make", "-s", "-C", FixtureSite.repository.path, "install-files", "BIN=.build/debug", "PREFIX=\(prefix)"],
            environment: Subprocess.cleanEnvironment(), timeout: .seconds(120)
        ).run()
        XCTAssertTrue(make.succeeded, make.stderrText)
        for executable in ["evident", "evident-spawn"] {
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: "\(prefix)/bin/\(executable)"), executable)
        }
        let completions = [
            "share/bash-completion/completions/evident": "-F _evident evident",
            "share/zsh/site-functions/_evident": "#compdef evident",
            "share/fish/vendor_completions.d/evident.fish": "complete -c 'evident'",
        ]
        for (path, marker) in completions {
            let script = try String(contentsOfFile: "\(prefix)/\(path)", encoding: .utf8)
            XCTAssertTrue(script.contains(marker), "\(path) lacks `\(marker)`")
            XCTAssertTrue(script.contains("drafts"), "\(path) completes the options of build")
        }
        let bash = try Subprocess(
            ["bash", "-n", "\(prefix)/share/bash-completion/completions/evident"],
            environment: Subprocess.cleanEnvironment()
        ).run()
        XCTAssertTrue(bash.succeeded, bash.stderrText)
        let version = try Subprocess(
            ["\(prefix)/bin/evident", "--version"], environment: Subprocess.cleanEnvironment()
        )
        .run()
        XCTAssertTrue(version.succeeded, version.stderrText)
    }
}
