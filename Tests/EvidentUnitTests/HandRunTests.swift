import XCTest

@testable import EvidentRendering

/// The command that runs one cell of an experiment by hand, from the root of a clone: into the experiment's
/// folder, the runner protocol's arguments, and the helper from the repository or from beside the file.
final class HandRunTests: XCTestCase {
    private func run(_ path: String, helpers: String? = "helpers", params: [(String, String)] = [("n", "10")])
        -> String
    {
        HandRun(
            essayFolder: "content/async-thoughts", path: path, helpers: helpers, variant: "sync",
            params: params.map { (name: $0.0, value: $0.1) }
        ).command
    }

    func testAPythonExperimentRunsInItsFolderWithTheRepositorysHelpers() {
        XCTAssertEqual(
            run("experiments/await_loop.py"),
            "cd content/async-thoughts/experiments && PYTHONPATH=../../../helpers python3 await_loop.py "
                + "--variant sync --param n=10 --samples 5 --warmup 1")
    }

    func testWithoutTheRepositorysHelpersTheCopyBesideTheFileIsUsed() {
        XCTAssertEqual(
            run("experiments/await_loop.py", helpers: nil),
            "cd content/async-thoughts/experiments && python3 await_loop.py --variant sync --param n=10 --samples 5 "
                + "--warmup 1")
        // Node finds a bare require in NODE_PATH only, so the file's own folder goes there.
        XCTAssertEqual(
            run("await_loop.js", helpers: nil),
            "cd content/async-thoughts && NODE_PATH=. node await_loop.js --variant sync --param n=10 --samples 5 "
                + "--warmup 1")
    }

    func testASwiftExperimentIsBuiltAsEvidentBuildsIt() {
        XCTAssertEqual(
            run("experiments/deep/AwaitLoop.swift"),
            "cd content/async-thoughts/experiments/deep && build=$(mktemp -d) && cp AwaitLoop.swift "
                + "\"$build/main.swift\" && swiftc -O -module-name Experiment -o \"$build/experiment\" "
                + "\"$build/main.swift\" ../../../../helpers/EvidentBench.swift && \"$build/experiment\" "
                + "--variant sync --param n=10 --samples 5 --warmup 1")
    }

    func testWordsAShellWouldSplitOrExpandAreQuoted() {
        XCTAssertEqual(
            run("experiments/my file.py", params: [("label", "it's $HOME"), ("n", "")]),
            "cd content/async-thoughts/experiments && PYTHONPATH=../../../helpers python3 'my file.py' "
                + "--variant sync --param 'label=it'\\''s $HOME' --param n= --samples 5 --warmup 1")
    }
}
