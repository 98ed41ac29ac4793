import EvidentSystem
import EvidentTestSupport
import XCTest

@testable import EvidentEvidence

final class RunnerCommandLineTests: XCTestCase {
    func testSplitsPlainWordsAndQuotes() {
        XCTAssertEqual(CommandLineWords.split("sleep 0.05"), ["sleep", "0.05"])
        XCTAssertEqual(CommandLineWords.split("  python3   -c 'print(1)' "), ["python3", "-c", "print(1)"])
        XCTAssertEqual(CommandLineWords.split(#"echo "a \"b\" \\ c" it\'s"#), ["echo", #"a "b" \ c"#, "it's"])
        XCTAssertEqual(CommandLineWords.split(#"printf '' "x\ny""#), ["printf", "", #"x\ny"#])
        XCTAssertEqual(CommandLineWords.split("a'b'\"c\"d"), ["abcd"])
        XCTAssertEqual(CommandLineWords.split(""), [])
    }

    func testLeavesShellSyntaxToTheShell() {
        for line in [
            "yes | head -1", "echo a > out", "cat < in", "a; b", "a && b", "echo $HOME", #"echo "$HOME""#,
            "ls *.py", "ls file?", "echo `date`", "FOO=1 env", "cd ~", "echo 'open", "sleep 1 &", "(echo a)",
            "echo a # comment",
        ] {
            XCTAssertNil(CommandLineWords.split(line), line)
            XCTAssertEqual(CommandLineWords.arguments(for: line), ["/bin/sh", "-c", line])
        }
        XCTAssertEqual(CommandLineWords.split("echo '$HOME' a=b x~y"), ["echo", "$HOME", "a=b", "x~y"])
    }

    func testQuotesWordsSoAShellSplitsThemBack() {
        let words = ["python3", "-c", "print('hi there')", "", "plain-word_1.0", "$HOME"]
        let line = CommandLineWords.quoted(words)
        XCTAssertEqual(CommandLineWords.split(line), words)
        XCTAssertEqual(CommandLineWords.quoted(["a/b", "x y"]), "a/b 'x y'")
    }

    func testRunsPlainCommandsWithoutAShell() throws {
        let environment = Subprocess.cleanEnvironment()
        let direct = try Subprocess(CommandLineWords.arguments(for: "sleep 0.05"), environment: environment).run()
        XCTAssertTrue(direct.succeeded)
        XCTAssertGreaterThanOrEqual(direct.wallNanoseconds, 50_000_000)
        let shell = try Subprocess(CommandLineWords.arguments(for: "echo abc | tr b x"), environment: environment)
            .run()
        XCTAssertEqual(String(decoding: shell.stdout, as: UTF8.self), "axc\n")
        let script = try Subprocess(
            CommandLineWords.arguments(for: "\(python3()) -c 'import sys; print(sys.argv[1:])' 'a b' c"),
            environment: environment
        ).run()
        XCTAssertEqual(String(decoding: script.stdout, as: UTF8.self), "['a b', 'c']\n")
    }
}
