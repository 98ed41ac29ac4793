import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

final class MeasureProbeTests: XCTestCase {
    private var essay: MeasureTestEssay!

    override func setUpWithError() throws {
        essay = try MeasureTestEssay()
    }

    private func run(_ yaml: String, python: String? = nil) throws -> [ProbeResult] {
        var toolchain = essay.toolchain
        if let python { toolchain.python = python }
        return try ProbeRunner().run(try essay.probe(yaml), essayFolder: essay.folder, toolchain: toolchain)
    }

    func testEverySnippetRunsUnderEveryTool() throws {
        let results = try run(
            """
            id: shells
            title: Shells
            tools:
              file: sh {file}
              stdin: sh
            snippets:
              ok: snippets/ok.sh
              silent: snippets/silent.sh
              error: snippets/error.sh
              hang: snippets/hang.sh
            timeout: 500ms
            """)
        XCTAssertEqual(
            results.map { "\($0.tool) \($0.snippet)" },
            [
                "file ok", "file silent", "file error", "file hang",
                "stdin ok", "stdin silent", "stdin error", "stdin hang",
            ])
        for tool in ["file", "stdin"] {
            let row = Dictionary(uniqueKeysWithValues: results.filter { $0.tool == tool }.map { ($0.snippet, $0) })
            XCTAssertEqual(row["ok"]?.works, true)
            XCTAssertNil(row["ok"]?.firstError)
            XCTAssertEqual(row["ok"]?.exitStatus, 0)
            XCTAssertEqual(row["silent"]?.works, false)
            XCTAssertEqual(row["silent"]?.firstError, "exited with status 0 without printing PROBE-OK")
            XCTAssertEqual(row["error"]?.works, false)
            XCTAssertEqual(row["error"]?.firstError, "NameError: name 'undefined_thing' is not defined")
            XCTAssertEqual(row["hang"]?.works, false)
            XCTAssertEqual(row["hang"]?.firstError, "timed out after 0.5 s")
            XCTAssertNil(row["hang"]?.exitStatus)
            XCTAssertLessThan(row["hang"]?.seconds ?? 99, 5)
        }
    }

    func testToolsComeFromTheVenvFirst() throws {
        let python = essay.folder.appendingPathComponent("venv/bin/python").path
        let results = try run(
            """
            id: venv
            title: Venv
            tools:
              tool: venv-tool {file}
            snippets:
              silent: snippets/silent.sh
            """, python: python)
        XCTAssertEqual(results.map(\.works), [true])
    }

    func testAToolThatCannotStartIsAnError() throws {
        XCTAssertThrowsError(
            try run(
                """
                id: missing
                title: Missing
                tools:
                  ghost: no-such-tool-here {file}
                snippets:
                  ok: snippets/ok.sh
                """)
        ) { error in
            let error = error as? EvidentError
            XCTAssertEqual(error?.kind, .experiment)
            XCTAssertEqual(error?.location?.line, 10)
            XCTAssertTrue(
                error?.message.hasPrefix("probe tool `ghost` (`no-such-tool-here {file}`) cannot start") ?? false,
                "\(String(describing: error))")
        }
    }

    func testAToolRunThroughAShellThatIsNotFoundIsAnError() throws {
        XCTAssertThrowsError(
            try run(
                """
                id: missing
                title: Missing
                tools:
                  ghost: no-such-tool-here < {file}
                snippets:
                  ok: snippets/ok.sh
                """)
        ) { error in
            let message = (error as? EvidentError)?.message ?? "\(error)"
            XCTAssertTrue(
                message.hasPrefix("probe tool `ghost` (`no-such-tool-here < {file}`) cannot start: "), message)
            XCTAssertTrue(message.contains("not found"), message)
        }
    }

    func testTheFirstErrorLineSkipsQuotedSourceAndPrompts() throws {
        let snippet = essay.folder.appendingPathComponent("snippets/traceback.sh")
        try """
        echo ">>> Traceback (most recent call last):" >&2
        echo '  File "<stdin>", line 1, in <module>' >&2
        echo "    raise ValueError('bad')" >&2
        echo ">>> ValueError: bad" >&2
        """.write(to: snippet, atomically: true, encoding: .utf8)
        let results = try run(
            """
            id: traceback
            title: Traceback
            tools: {sh: sh}
            snippets: {traceback: snippets/traceback.sh}
            """)
        XCTAssertEqual(results.first?.firstError, "ValueError: bad")
    }
}

extension MeasureProbeTests {
    func testAFirstErrorNamesFilesRelativeToTheEssayNotWhereTheSiteWasBuilt() throws {
        let results = try run(
            """
            id: paths
            title: Paths
            tools:
              file: sh -c 'echo "SyntaxError in $1 and $(cd ../.. && pwd)/site.yml" >&2' sh {file}
            snippets:
              error: snippets/error.sh
            timeout: 5s
            """)
        XCTAssertEqual(
            results.first?.firstError,
            "SyntaxError in snippets/error.sh and site.yml")
        XCTAssertFalse(results.first?.firstError?.contains(essay.site.path) ?? true)
    }
}
