import Foundation
import XCTest

@testable import EvidentEvidence

/// Paths in directives are checked against real files in a temporary essay folder.
final class DirectivePathTests: XCTestCase {
    private var essay: DirectiveEssay!

    override func setUpWithError() throws {
        essay = try DirectiveEssay()
    }

    private func experiment(_ path: String) -> String {
        essay.error(.bench, "id: a\ntitle: A\nexperiment: \(path)\nvariants: [a]")
    }

    private func snippet(_ path: String) -> String {
        essay.error(.probe, "id: a\ntitle: A\ntools: {python: python3}\nsnippets:\n  one: \(path)")
    }

    func testAbsolutePath() {
        XCTAssertEqual(
            experiment("/tmp/await_loop.py"),
            "content/x/index.md:13: `/tmp/await_loop.py` is an absolute path "
                + "— write a path relative to content/x, like `experiments/x.py`")
        XCTAssertEqual(
            snippet("~/s.ipy"),
            "content/x/index.md:15: `~/s.ipy` is an absolute path "
                + "— write a path relative to content/x, like `experiments/x.py`")
    }

    func testPathLeavingTheEssayFolder() {
        XCTAssertEqual(
            experiment("experiments/../../y/await_loop.py"),
            "content/x/index.md:13: `experiments/../../y/await_loop.py` leaves the essay folder "
                + "— move the file into content/x and write its path from there")
    }

    func testMissingFile() {
        XCTAssertEqual(
            experiment("experiments/missing.py"),
            "content/x/index.md:13: `experiments/missing.py` does not exist "
                + "— create content/x/experiments/missing.py or correct the path")
        XCTAssertEqual(
            essay.error(.bench, "id: a\ntitle: A\nvariants:\n  a: experiments/gone.swift#a"),
            "content/x/index.md:14: `experiments/gone.swift` does not exist "
                + "— create content/x/experiments/gone.swift or correct the path")
    }

    func testFolderIsNotAFile() {
        XCTAssertEqual(
            snippet("experiments/repl"),
            "content/x/index.md:15: `experiments/repl` is a folder, not a file — name a file inside it")
    }

    func testExperimentExtension() {
        XCTAssertEqual(
            experiment("experiments/notes.txt"),
            "content/x/index.md:13: `experiments/notes.txt` is not a Python, Swift or JavaScript file "
                + "— experiments are `.py`, `.swift`, `.js` or `.mjs` files")
        XCTAssertEqual(
            essay.error(.bench, "id: a\ntitle: A\nvariants:\n  a: experiments/notes.txt#a"),
            "content/x/index.md:14: `experiments/notes.txt` is not a Python, Swift or JavaScript file "
                + "— experiments are `.py`, `.swift`, `.js` or `.mjs` files")
    }

    func testSymlinkOutOfTheEssayFolder() throws {
        let outside = essay.site.appendingPathComponent("elsewhere.py")
        try Data().write(to: outside)
        try FileManager.default.createSymbolicLink(
            at: essay.folder.appendingPathComponent("experiments/linked.py"), withDestinationURL: outside)
        XCTAssertEqual(
            experiment("experiments/linked.py"),
            "content/x/index.md:13: `experiments/linked.py` is a symlink to a file outside the essay folder "
                + "— copy the file into content/x instead of linking to it")
    }

    func testSymlinkedFolderOutOfTheEssayFolder() throws {
        let outside = essay.site.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data().write(to: outside.appendingPathComponent("s.ipy"))
        try FileManager.default.createSymbolicLink(
            at: essay.folder.appendingPathComponent("shared"), withDestinationURL: outside)
        XCTAssertEqual(
            snippet("shared/s.ipy"),
            "content/x/index.md:15: `shared/s.ipy` is a symlink to a file outside the essay folder "
                + "— copy the file into content/x instead of linking to it")
    }

    func testSymlinkInsideTheEssayFolderIsFine() throws {
        try FileManager.default.createSymbolicLink(
            at: essay.folder.appendingPathComponent("loop.py"),
            withDestinationURL: essay.folder.appendingPathComponent("experiments/await_loop.py"))
        let bench = try essay.bench("id: a\ntitle: A\nexperiment: loop.py\nvariants: [a]")
        XCTAssertEqual(bench.experiments, ["loop.py"])
    }

    func testDanglingSymlinkDoesNotExist() throws {
        try FileManager.default.createSymbolicLink(
            at: essay.folder.appendingPathComponent("experiments/dangling.py"),
            withDestinationURL: essay.folder.appendingPathComponent("experiments/nothing.py"))
        XCTAssertEqual(
            experiment("experiments/dangling.py"),
            "content/x/index.md:13: `experiments/dangling.py` does not exist "
                + "— create content/x/experiments/dangling.py or correct the path")
    }
}
