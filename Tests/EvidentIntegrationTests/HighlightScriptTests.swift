import EvidentSystem
import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentRendering

/// The highlighting script replaces the loop in which Pygments' `RegexLexer` tries a state's rules: every lexer
/// Pygments has must give exactly the tokens of Pygments' own loop, on code of many languages and on text no lexer
/// expects. Runs the Python evident highlights with (`$EVIDENT_PYTHON`, else `python3`).
final class HighlightScriptTests: XCTestCase {
    /// Code of several languages, lines no lexer expects, unicode (case folding included) and unclosed strings.
    private static let samples = [
        """
        import asyncio  # comment
        async def f(n: int = 3) -> list[float]:
            \"\"\"Doc string with 'quotes' and \\"escapes\\".\"\"\"
            x = [i ** 2 for i in range(n) if i % 2 == 0]; y = {'a': 1, "b": 2.5e-3, 0x1F: 0b101}
            return await g(f"{x!r:>10} {y['a']}", rb'\\d+', r"raw \\n")
        class C(Base, metaclass=M): pass
        """,
        """
        #include <stdio.h>
        int main(int argc, char **argv) { printf("%d\\n", argc); /* block */ return 0; }
        func area(of shape: Shape) async throws -> Double { let r = try await shape.radius(); return .pi * r * r }
        for f in /var/log/*.log; do echo "$f" | sort -n | tail -3; done; cat <<EOF
        heredoc $HOME
        EOF
        <div class="x" data-y='1'>Text &amp; <b>bold</b></div><script>let a = `t${1}`;</script>
        SELECT name, COUNT(*) FROM users WHERE id IN (1, 2) GROUP BY name; -- comment
        {"key": [1, 2.0, true, null], "nested": {"k": "v\\u00e9"}}
        """,
        "K \u{212A} \u{017F} İ ı ß ẞ Ω ω 日本語 é → ✓ \t\u{0B}\u{0C}\r\n'unclosed \"string\n@@ --- +++ !! ?? :: ;; \\",
    ]

    private static let driver = """
        import sys
        from pygments.lexer import RegexLexer
        from pygments.lexers import get_all_lexers, get_lexer_by_name
        script = {"__name__": "highlight"}
        exec(sys.stdin.read(), script)
        plain, replaced = RegexLexer.get_tokens_unprocessed, script["get_tokens_unprocessed"]
        texts = sys.argv[1:]
        compared, different = 0, []
        for name, aliases, _, _ in get_all_lexers():
            try:
                lexer = get_lexer_by_name(aliases[0], stripnl=False, ensurenl=False)
            except Exception:
                continue
            for text in texts:
                RegexLexer.get_tokens_unprocessed = plain
                try:
                    expected = list(lexer.get_tokens(text))
                except Exception as error:
                    expected = type(error)
                RegexLexer.get_tokens_unprocessed = replaced
                try:
                    tokens = list(lexer.get_tokens(text))
                except Exception as error:
                    tokens = type(error)
                compared += 1
                if tokens != expected:
                    different.append(name)
        print(compared, ",".join(sorted(set(different))))
        """

    func testEveryLexerGivesPygmentsOwnTokens() throws {
        let python = ProcessInfo.processInfo.environment["EVIDENT_PYTHON"] ?? python3()
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("highlight-\(UUID().uuidString).py")
        try Pygments.script.write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        let result = try Subprocess(
            [python, "-c", Self.driver] + Self.samples, environment: Subprocess.cleanEnvironment(),
            input: .file(input.path), timeout: .seconds(300)
        ).run()
        let reply = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(result.succeeded, reply)
        let fields = reply.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        // Pygments 2.21 has about 600 lexers: each is compared on each sample.
        XCTAssertGreaterThan(Int(fields.first ?? "") ?? 0, 400 * Self.samples.count, reply)
        XCTAssertEqual(fields.count > 1 ? String(fields[1]) : "", "", "lexers whose tokens differ")
    }
}
