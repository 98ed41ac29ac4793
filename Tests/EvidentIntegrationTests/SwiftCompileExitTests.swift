import EvidentTestSupport
import Foundation
import XCTest

/// A Swift experiment is compiled in a build folder `.evident-cache/swift/<hash>.tmp-XXXXXX`: Ctrl-C during the
/// compile ends the compiler with every process it started (`swift-frontend` runs in a process group of its own)
/// and removes the folder, and the next build removes a folder that a killed build left.
final class SwiftCompileExitTests: XCTestCase {
    func testCtrlCDuringACompileLeavesNoCompilerAndNoBuildFolder() throws {
        let site = try makeSite("sites/basic")
        try site.write(
            "content/slow/index.md",
            "---\ntitle: Slow\ndate: 2026-01-08\n---\n\n```bench\nid: slow\ntitle: Slow\n"
                + "experiment: experiments/slow.swift\nvariants: [a]\nsamples: 1\n```\n")
        // Many small functions: seconds of optimizing, far longer than the test waits.
        let functions = (0..<1500).map { index in
            "@inline(never) func f\(index)(_ x: [Int]) -> Int { var s = \(index); "
                + "for (j, v) in x.enumerated() where v % \(index % 7 + 2) == 0 { s &+= v &* j }; return s }"
        }
        try site.write("content/slow/experiments/slow.swift", functions.joined(separator: "\n") + "\n")
        let folder = site.folder.resolvingSymlinksInPath().path
        let (process, _, _) = try EvidentCLI.start(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertTrue(
            EvidentCLI.waitUntil(60) { !Self.compilers(in: folder).isEmpty }, "swift-frontend never started")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertTrue(EvidentCLI.waitUntil(3) { Self.compilers(in: folder).isEmpty }, "swift-frontend outlived evident")
        let cache = site.folder.appendingPathComponent(".evident-cache/swift").path
        let left = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
        XCTAssertEqual(left.filter { $0.contains(".tmp-") }, [], "the build folder was left behind")
    }

    func testABuildRemovesTheBuildFoldersAKilledBuildLeft() throws {
        let site = try makeSite("sites/basic")
        try site.write(".evident-cache/swift/0123abcd.tmp-x1Y2z3/main.swift", "print(1)\n")
        try site.write(".evident-cache/swift/4567cdef/main.swift", "print(2)\n")
        let run = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(site.exists(".evident-cache/swift/0123abcd.tmp-x1Y2z3"), "the abandoned build folder is left")
        XCTAssertTrue(site.exists(".evident-cache/swift/4567cdef/main.swift"), "a cache entry was removed")
    }

    /// The `swift-frontend` processes working in a folder inside `folder` (the site's compiles, not another build's).
    private static func compilers(in folder: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                let name = try? String(contentsOfFile: "/proc/\(entry)/comm", encoding: .utf8),
                name.trimmingCharacters(in: .newlines) == "swift-frontend",
                let directory = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/cwd")
            else { return nil }
            return directory.hasPrefix(folder + "/") ? pid : nil
        }
    }
}
