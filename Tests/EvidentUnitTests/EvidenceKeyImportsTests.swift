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
}
