import XCTest

@testable import EvidentEvidence

/// The imports a key follows into local modules.
final class EvidenceKeyImportsTests: XCTestCase {
    func testReadsEveryImportForm() {
        let source = """
            \"\"\"Docstring that mentions import nothing.\"\"\"
            import asyncio
            import os.path as p, json
            from concurrent.futures import ThreadPoolExecutor
            from .sibling import thing
            from . import neighbour, other as o
            from .. import (parent_module)
            from helpers.deep import x
            import delay_server
            def run():
                import lazy_module
            from evident_bench import (Bench,
                fixture)
            important = 1
            # import commented
            """
        XCTAssertEqual(
            PythonImports.modules(in: source),
            [
                "asyncio", "os", "json", "concurrent", "sibling", "neighbour", "other", "parent_module", "helpers",
                "delay_server", "lazy_module", "evident_bench",
            ])
    }

    func testLinesEndWhereACharacterWouldEndThem() {
        let source =
            "import a\r\nimport b\rimport c\u{2028}import d\u{85}import e\u{0B}\timport f\u{0C}from g import x\n"
            + "import\u{301} h\n \u{301}import i\nfrom\u{301} j import y\nimport k\u{301}, l\nimport\n    from m.n import o"
        XCTAssertEqual(PythonImports.modules(in: source), ["a", "b", "c", "d", "e", "f", "g", "k\u{301}", "l", "m"])
    }
}
