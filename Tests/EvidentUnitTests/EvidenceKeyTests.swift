import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// The key changes with what produces the numbers, and only with that.
final class EvidenceKeyTests: XCTestCase {
    private var essay: DirectiveEssay!

    private let bench = """
        id: await-loop
        title: A loop of awaits
        caption: Still a loop.
        experiment: experiments/await_loop.py
        variants: [sync, gather]
        params: {n: [10, 100]}
        samples: 20
        claims: [gather faster than sync]
        """

    override func setUpWithError() throws {
        essay = try DirectiveEssay()
        try write("experiments/await_loop.py", "import asyncio\nimport delay_server\nfrom evident_bench import Bench\n")
        try write("experiments/delay_server.py", "import socket\nfrom wire import frame\n")
        try write("experiments/wire.py", "def frame(): pass\n")
        try write("experiments/unused.py", "x = 1\n")
        try write("experiments/other.py", "from evident_bench import Bench\n")
    }

    private func write(_ path: String, _ text: String) throws {
        try essay.write(path)
        try Data(text.utf8).write(to: essay.folder.appendingPathComponent(path))
    }

    private func key(_ yaml: String, kind: DirectiveKind = .bench) throws -> String {
        try EvidenceKey.compute(for: essay.parse(kind, yaml), essayFolder: essay.folder)
    }

    func testIsAHexSHA256AndStable() throws {
        let key = try key(bench)
        XCTAssertEqual(key.count, 64)
        XCTAssertTrue(key.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        XCTAssertEqual(try self.key(bench), key)
    }

    func testTitleCaptionClaimsAndProseDoNotChangeIt() throws {
        let original = try key(bench)
        let reworded =
            bench
            .replacingOccurrences(of: "title: A loop of awaits", with: "title: Awaits, one by one")
            .replacingOccurrences(of: "caption: Still a loop.", with: "caption: It is `=await-loop.gather.ratio`.")
            .replacingOccurrences(of: "claims: [gather faster than sync]", with: "claims: [sync slower than gather]")
        XCTAssertEqual(try key(reworded), original)
        try write("index.md", "# New prose\n")
        try write("experiments/unused.py", "x = 2\n")
        XCTAssertEqual(try key(bench), original)
    }

    func testEditingTheExperimentOrAnImportedModuleChangesIt() throws {
        var keys = [try key(bench)]
        try write(
            "experiments/await_loop.py", "import asyncio\nimport delay_server\nfrom evident_bench import Bench\n#\n")
        keys.append(try key(bench))
        try write("experiments/delay_server.py", "import socket\nfrom wire import frame  # framed\n")
        keys.append(try key(bench))
        try write("experiments/wire.py", "def frame(): return b''\n")
        keys.append(try key(bench))
        XCTAssertEqual(Set(keys).count, keys.count)
    }

    /// `import pkg.sub`, `from pkg import x` and namespace packages (no `__init__.py`) key every module inside.
    func testEditingAModuleOfAnImportedPackageChangesIt() throws {
        try write(
            "experiments/await_loop.py", "import shapes.circle\nfrom plain import x\nfrom evident_bench import Bench\n")
        try write("experiments/shapes/__init__.py", "")
        try write("experiments/shapes/circle.py", "from shapes import geometry\n")
        try write("experiments/shapes/nested/geometry.py", "PI = 3.14\n")
        try write("experiments/plain/x.py", "X = 1\n")
        try write("experiments/shapes/__pycache__/circle.cpython-311.py", "stale\n")
        var keys = [try key(bench)]
        try write("experiments/shapes/nested/geometry.py", "PI = 3.1416\n")
        keys.append(try key(bench))
        try write("experiments/plain/x.py", "X = 2\n")
        keys.append(try key(bench))
        try write("experiments/shapes/__init__.py", "# package\n")
        keys.append(try key(bench))
        XCTAssertEqual(Set(keys).count, keys.count)
        try write("experiments/shapes/__pycache__/circle.cpython-311.py", "other\n")
        XCTAssertEqual(try key(bench), keys.last)
    }

    func testTheHelperUsedIsPartOfIt() throws {
        let bundled = try key(bench)
        try write("experiments/evident_bench.py", "class Bench: pass\n")
        let local = try key(bench)
        try write("experiments/evident_bench.py", "class Bench: pass  # changed\n")
        XCTAssertEqual(Set([bundled, local, try key(bench)]).count, 3)
    }

    func testMeasuringFieldsChangeIt() throws {
        let original = try key(bench)
        XCTAssertNotEqual(try key(bench.replacingOccurrences(of: "samples: 20", with: "samples: 30")), original)
        XCTAssertNotEqual(try key(bench.replacingOccurrences(of: "[10, 100]", with: "[10, 1000]")), original)
        XCTAssertNotEqual(try key(bench.replacingOccurrences(of: "[sync, gather]", with: "[sync, threads]")), original)
    }

    func testDirectivesOnDifferentExperimentsHaveIndependentKeys() throws {
        let other = "id: other\ntitle: Other\nexperiment: experiments/other.py\nvariants: [a, b]"
        let (first, second) = (try key(bench), try key(other))
        XCTAssertNotEqual(first, second)
        try write("experiments/other.py", "from evident_bench import Bench\nbench = Bench()\n")
        XCTAssertEqual(try key(bench), first)
        XCTAssertNotEqual(try key(other), second)
    }

    func testSwiftExperimentKeysItsSourceAndHelper() throws {
        let yaml = "id: s\ntitle: S\nexperiment: experiments/AwaitLoop.swift\nvariants: [a, b]"
        let bundled = try key(yaml)
        try write("experiments/AwaitLoop.swift", "print(1)\n")
        let edited = try key(yaml)
        try write("experiments/EvidentBench.swift", "struct Bench {}\n")
        XCTAssertEqual(Set([bundled, edited, try key(yaml)]).count, 3)
    }

    func testProbeKeysItsSnippetsButNotItsClaims() throws {
        let probe = """
            id: repl
            title: REPLs
            tools:
              python: python -i
              ipython: "ipython {file}"
            snippets: {sleep: experiments/repl/await_sleep.ipy}
            claims: [ipython works on sleep]
            """
        let original = try key(probe, kind: .probe)
        let reclaimed = probe.replacingOccurrences(of: "ipython works on sleep", with: "python fails on sleep")
        XCTAssertEqual(try key(reclaimed, kind: .probe), original)
        try write("experiments/repl/await_sleep.ipy", "await asyncio.sleep(0)\n")
        XCTAssertNotEqual(try key(probe, kind: .probe), original)
    }

    func testUnreadableExperimentIsAnErrorAtTheDirective() throws {
        let directive = try essay.parse(.bench, bench)
        try FileManager.default.removeItem(at: essay.folder.appendingPathComponent("experiments/await_loop.py"))
        XCTAssertThrowsError(try EvidenceKey.compute(for: directive, essayFolder: essay.folder)) { error in
            XCTAssertEqual((error as? EvidentError)?.location, directive.location)
            XCTAssertTrue("\(error)".contains("experiments/await_loop.py"), "\(error)")
        }
    }
}
