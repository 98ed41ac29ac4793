import EvidentSystem
import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// The interpreter is resolved once per measuring build to the executable it really runs (around a launcher such
/// as pyenv's shim, keeping a venv's own python), and start-ups that eat a noticeable share of a budget are told.
final class PythonExecutableTests: XCTestCase {
    private var folder: URL!
    private let question = "-c import sys; print(sys.executable)"

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A shell script that logs its arguments, takes 0.2 s, then starts the real interpreter: what a pyenv shim does.
    private func launcher(in folder: URL) throws -> (path: String, calls: () -> [String]) {
        let path = folder.appendingPathComponent("python3").path
        let log = folder.appendingPathComponent("launcher.log").path
        let script = "#!/bin/sh\necho \"$*\" >> '\(log)'\nsleep 0.2\nexec '\(python3())' \"$@\"\n"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(script.utf8)))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        let calls = {
            (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        }
        return (path, calls)
    }

    func testALauncherIsResolvedToTheInterpreterItStarts() throws {
        let launcher = try launcher(in: folder)
        let python = PythonExecutable.resolve(launcher.path)
        XCTAssertEqual(python.path, python3())
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(python.configuredStartup), 0.2)
        XCTAssertLessThan(try XCTUnwrap(python.startup), try XCTUnwrap(python.configuredStartup))
        let note = try XCTUnwrap(python.launcherNote)
        XCTAssertTrue(note.hasPrefix("\(launcher.path) starts in 0."), note)
        XCTAssertTrue(note.contains(" through a launcher; experiments run \(python3()) itself ("), note)
        XCTAssertEqual(launcher.calls(), [question], "asked once; the start-up is timed on the real interpreter")
    }

    func testAVenvKeepsItsOwnPython() throws {
        let venv = folder.appendingPathComponent("venv").path
        let made = try Subprocess(
            [python3(), "-m", "venv", "--without-pip", venv], environment: Subprocess.cleanEnvironment()
        )
        .run()
        XCTAssertTrue(made.succeeded, made.stderrText)
        let python = PythonExecutable.resolve(venv + "/bin/python")
        XCTAssertEqual(python.path, venv + "/bin/python", "not the interpreter the venv was made from")
        XCTAssertNil(python.launcherNote)
        XCTAssertNotNil(python.startup)
    }

    func testAMissingInterpreterIsLeftForTheExperimentToReport() {
        let python = PythonExecutable.resolve("/nonexistent/python3")
        XCTAssertEqual(python.path, "/nonexistent/python3")
        XCTAssertNil(python.startup)
        XCTAssertNil(python.launcherNote)
    }

    func testStartupsOverATenthOfTheBudgetAreTold() throws {
        let essay = try MeasureTestEssay()
        let directive = "title: B\nexperiment: experiments/sleeps.py\nvariants: [short]\n"
        let auto = try essay.bench("id: b\n" + directive + "budget: 20s\n")
        let fixed = try essay.bench("id: f\n" + directive + "samples: 9\n")
        let python = PythonExecutable(configured: "python3", path: "/usr/bin/python3", startup: 0.05)
        XCTAssertEqual(
            python.startupNote(processes: 100, of: auto),
            "content/x/index.md:10: b: Python start-ups took about 5.0 s of the 20.0 s budget (25%): 100 processes "
                + "× 0.050 s (/usr/bin/python3) — a larger `budget:` buys more samples, or set `python:` in site.yml "
                + "to a faster interpreter")
        XCTAssertNil(python.startupNote(processes: 30, of: auto), "1.5 s of 20 s")
        XCTAssertNil(python.startupNote(processes: 0, of: auto))
        XCTAssertNil(python.startupNote(processes: 100, of: fixed), "a fixed count loses no samples to start-ups")
    }

    /// A whole build whose site names the launcher as its python: no experiment process goes through it.
    func testABuildRunsExperimentsWithTheRealInterpreter() throws {
        let site = try makeSite("sites/evidence")
        let launcher = try launcher(in: site.folder)
        try site.write("content/site.yml", try site.read("content/site.yml") + "python: python3\n")
        try site.write(
            "content/sleeps/index.md",
            "---\ntitle: Spins\ndate: 2026-02-01\n---\n\n```bench\nid: spins\ntitle: Spins\n"
                + "experiment: experiments/spins.py\nvariants: [one, two]\nsamples: 5\n```\n")
        let lines = LockedLines()
        let report = try SiteBuild(options: BuildOptions(siteFolder: site.folder), log: lines.log).run()
        XCTAssertEqual(report.directivesMeasured, 1)
        let processes = try site.read("content/sleeps/experiments/runs-spins.log").split(separator: "\n").count
        XCTAssertGreaterThanOrEqual(processes, 2)
        XCTAssertFalse(launcher.calls().contains { $0.contains("spins.py") }, "\(launcher.calls())")
        XCTAssertEqual(launcher.calls().filter { $0 == question }.count, 1, "resolved once per build")
        XCTAssertTrue(lines.info.contains { $0.hasPrefix("\(launcher.path) starts in ") }, "\(lines.info)")
    }
}
