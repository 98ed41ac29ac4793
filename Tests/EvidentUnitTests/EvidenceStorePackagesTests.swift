import EvidentCore
import Foundation
import XCTest

@testable import EvidentEvidence

/// The versions of what experiments use, as stored and shown, and the files a directive runs.
final class EvidenceStorePackagesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-sources-\(UUID())")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("experiments"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(path))
    }

    func testDescriptionNamesNodeThenPackagesInAlphabeticalOrder() {
        let environment = MachineEnvironment(
            cpu: "CPU", cores: 2, os: "Linux, kernel 6", python: "3.11.7", node: "20.20.2",
            packages: ["SQLite": "3.40.1", "aiosqlite": "0.22.1", "IPython": "9.18.1"])
        XCTAssertEqual(
            environment.description,
            "CPU (2 cores), Linux, kernel 6, Python 3.11.7, Node 20.20.2, aiosqlite 0.22.1, IPython 9.18.1, "
                + "SQLite 3.40.1")
    }

    func testAnEnvironmentWithoutPackagesStillLoadsAndOneWithThemRoundTrips() throws {
        let old = #"{"cpu": "CPU", "cores": 2, "os": "Linux", "python": "3.11.7"}"#
        let loaded = try JSONDecoder().decode(MachineEnvironment.self, from: Data(old.utf8))
        XCTAssertNil(loaded.packages)
        XCTAssertNil(loaded.node)
        var new = loaded
        new.packages = ["aiosqlite": "0.22.1"]
        new.node = "18.19.0"
        XCTAssertEqual(try JSONDecoder().decode(MachineEnvironment.self, from: JSONEncoder().encode(new)), new)
    }

    func testImportsFollowLocalModulesAndListTheRest() throws {
        try write(
            "experiments/crud.py", "import asyncio\nimport aiosqlite\nimport storage\nfrom evident_bench import Bench\n"
        )
        try write("experiments/storage.py", "import sqlite3\nimport helper\nimport storage\n")
        try write("experiments/helper.py", "import json\n")
        try write("experiments/evident_bench.py", "import inspect\n")
        let found = try PythonModules(essayFolder: folder, location: SourceLocation(file: "x")).resolve(
            "experiments/crud.py")
        XCTAssertEqual(found.local, ["experiments/storage.py", "experiments/helper.py"])
        XCTAssertEqual(found.modules, ["asyncio", "aiosqlite", "sqlite3", "json"])
    }

    func testTheFilesOfADirective() throws {
        try write("experiments/a.py", "import b\n")
        try write("experiments/b.py", "import os\n")
        try write("experiments/A.swift", "let bench = Bench()\n")
        let body = "id: x\ntitle: X\nvariants:\n  py: experiments/a.py#v\n  swift: experiments/A.swift#v"
        let directive = try Directive.parse(
            kind: .bench, yaml: body, file: "content/x/index.md", line: 1, essayFolder: folder)
        XCTAssertEqual(
            try ExperimentSources.files(of: directive, essayFolder: folder),
            ["experiments/a.py", "experiments/A.swift", "experiments/b.py"])
    }

    func testToolScriptsAreTheFirstWordOfEachCommand() {
        XCTAssertEqual(
            PackageVersions.scripts(ofTools: ["ipython --no-banner {file}", "/usr/bin/python3 -i", "python -m asyncio"]
            ),
            ["ipython", "python3", "python"])
    }
}
