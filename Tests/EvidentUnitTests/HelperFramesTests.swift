import XCTest

@testable import EvidentEvidence

/// A traceback quoted in an error keeps the experiment's frames and folds the helper's into one line.
final class HelperFramesTests: XCTestCase {
    func testPythonHelperFramesFoldIntoOneLine() {
        let traceback = """
            Traceback (most recent call last):
              File "/site/content/x/experiments/x.py", line 13, in <module>
                bench.main()
              File "/site/.evident-cache/helpers/ab12/evident_bench.py", line 210, in main
                self._run_sync(fn, number, args, out)
              File "/site/.evident-cache/helpers/ab12/evident_bench.py", line 227, in _run_sync
                k, overhead, first = _honest_number(sample, _sampler(_nothing))
                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "/site/.evident-cache/helpers/ab12/evident_bench.py", line 367, in sample
                result = call()
                         ^^^^^^
              File "/site/content/x/experiments/x.py", line 9, in a
                for _ in range(n):
                         ^^^^^^^^
            TypeError: 'float' object cannot be interpreted as an integer
            """
        let section = ExperimentFailure.stderrSection(traceback)
        XCTAssertEqual(
            section,
            """
            ; its stderr ends with:
                Traceback (most recent call last):
                  File "/site/content/x/experiments/x.py", line 13, in <module>
                    bench.main()
                  [3 frames of the bundled helper left out]
                  File "/site/content/x/experiments/x.py", line 9, in a
                    for _ in range(n):
                             ^^^^^^^^
                TypeError: 'float' object cannot be interpreted as an integer

            """)
    }

    func testNodeHelperFramesFoldAndOtherLinesStay() {
        let stack = """
            Error: boom
                at work (/site/content/x/experiments/x.js:4:9)
                at Bench.sample (/site/.evident-cache/helpers/ab12/evident_bench.js:120:5)
                at Bench.main (/site/.evident-cache/helpers/ab12/evident_bench.js:200:3)
                at Object.<anonymous> (/site/content/x/experiments/x.js:9:7)
            """
        let folded = HelperFrames.folded(stack.split(separator: "\n", omittingEmptySubsequences: false))
        XCTAssertEqual(
            folded,
            [
                "Error: boom", "    at work (/site/content/x/experiments/x.js:4:9)",
                "    [2 frames of the bundled helper left out]",
                "    at Object.<anonymous> (/site/content/x/experiments/x.js:9:7)",
            ])
        XCTAssertEqual(
            HelperFrames.folded(["plain", "  File \"x.py\", line 1"]), ["plain", "  File \"x.py\", line 1"])
    }
}
