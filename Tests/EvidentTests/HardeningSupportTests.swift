import Foundation
import XCTest

/// What the hardening tests share: running the built `evident` with a clean environment and a deadline, finding
/// processes a build left behind, and waiting for a condition instead of sleeping.
enum Hardening {
    /// What one run of the command line did.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// The environment a run gets: the test's own, without the variables that change which Python runs.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["EVIDENT_PYTHON"] = nil
        return environment
    }

    /// Starts `evident` with `arguments`, its output going to files (so that neither pipe can fill up and stall it).
    static func start(_ arguments: [String]) throws -> (process: Process, stdout: URL, stderr: URL) {
        let process = Process()
        process.executableURL = EvidentCLI.binary
        process.arguments = arguments
        process.environment = environment
        let stdout = temporaryFile("stdout")
        let stderr = temporaryFile("stderr")
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return (process, stdout, stderr)
    }

    /// Runs `evident` to its end and returns what it printed, failing the test when it takes longer than `limit`.
    static func run(_ arguments: [String], limit: Double = 60) throws -> Run {
        let started = Date()
        let (process, stdout, stderr) = try start(arguments)
        let done = waitUntil(limit) { !process.isRunning }
        if !done {
            process.interrupt()
            XCTFail("evident \(arguments.joined(separator: " ")) ran longer than \(limit) s")
        }
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: stdout)
            try? FileManager.default.removeItem(at: stderr)
        }
        return Run(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "",
            seconds: Date().timeIntervalSince(started))
    }

    /// Runs `sh -c script` (`arguments` are its `$1`...) in a private user and mount namespace, where it may mount a
    /// tmpfs without being root and leaves no mount behind when it ends.
    static func inMountNamespace(_ script: String, _ arguments: [String]) throws -> Run {
        let started = Date()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["--map-root-user", "--mount", "sh", "-c", script, "sh"] + arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        (process.standardOutput, process.standardError) = (out, err)
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: stdout, stderr: stderr,
            seconds: Date().timeIntervalSince(started))
    }

    /// Polls `condition` every few milliseconds until it holds (true) or `seconds` pass (false).
    @discardableResult
    static func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { return false }
            usleep(2_000)
        }
        return true
    }

    /// The live (not zombie) processes whose command line mentions `text`, such as a fixture's temporary folder.
    static func processes(mentioning text: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry), pid != getpid(),
                let commandLine = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                let status = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                !status.contains(") Z ")
            else { return nil }
            let words = String(decoding: commandLine.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return words.contains(text) ? pid : nil
        }
    }

    /// Every staging folder or temporary evidence file a build left under `folder`.
    static func leftovers(in folder: URL) -> [String] {
        let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.contains("evident-staging") || $0.hasSuffix(".json.tmp") }
    }

    /// `text` with the parts that change from run to run replaced: the site folder by `<site>`, the helpers'
    /// content hash by `<hash>`, and the interpreter `python3` resolves to (a build runs the real executable, not a
    /// launcher) by `python3`.
    static func normalized(_ text: String, site: URL) -> String {
        text.replacingOccurrences(of: site.path, with: "<site>")
            .replacingOccurrences(of: " \(python3()) ", with: " python3 ")
            .replacingOccurrences(of: #"helpers/[0-9a-f]{8,}"#, with: "helpers/<hash>", options: .regularExpression)
            .trimmingCharacters(in: .newlines)
    }

    private static func temporaryFile(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evident-\(name)-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }
}

extension FixtureSite {
    /// Copies the tree `Tests/Fixtures/<path>` over this site, replacing files that exist.
    func lay(_ path: String) throws {
        let source = Self.fixtures.appendingPathComponent(path)
        for case let relative as String in FileManager.default.enumerator(atPath: source.path) ?? .init() {
            var isFolder: ObjCBool = false
            let from = source.appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: from.path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            let to = folder.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: to)
            try FileManager.default.copyItem(at: from, to: to)
        }
    }
}
