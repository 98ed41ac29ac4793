import Foundation

/// Runs the `evident` executable that `swift build` made, as a user would: with the test's environment minus the
/// variables that change which Python runs, its output going to files (so that neither pipe can fill up and stall
/// it), and a deadline. Also finds processes a build left behind, and waits for a condition instead of sleeping.
package enum EvidentCLI {
    /// What one run of the command line did.
    package struct Run {
        package var status: Int32
        package var stdout: String
        package var stderr: String
        package var seconds: Double
    }

    /// A run that outlived its deadline (it was interrupted).
    package struct Overran: Error, CustomStringConvertible {
        package var arguments: [String]
        package var limit: Double
        package var description: String { "evident \(arguments.joined(separator: " ")) ran longer than \(limit) s" }
    }

    /// `.build/debug/evident`; throws `BuiltExecutables.Stale` when it is missing or older than its sources, so
    /// that a test stops there instead of testing a binary built from other code.
    package static var binary: URL {
        get throws {
            if let problem = BuiltExecutables.problem { throw BuiltExecutables.Stale(description: problem) }
            return FixtureSite.repository.appendingPathComponent(".build/debug/evident")
        }
    }

    /// The environment a run gets: the test's own, without the variables that change which Python runs.
    package static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["EVIDENT_PYTHON"] = nil
        return environment
    }

    /// Starts `evident` with `arguments` (in `folder`, if given, with `variables` added to its environment), its
    /// output going to files.
    package static func start(_ arguments: [String], in folder: URL? = nil, variables: [String: String] = [:]) throws
        -> (
            process: Process, stdout: URL, stderr: URL
        )
    {
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments
        process.environment = environment.merging(variables) { _, added in added }
        if let folder { process.currentDirectoryURL = folder }
        let stdout = temporaryFile("stdout")
        let stderr = temporaryFile("stderr")
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return (process, stdout, stderr)
    }

    /// Runs `evident` to its end and returns what it printed; throws `Overran` when it takes longer than `limit`.
    package static func run(
        _ arguments: [String], in folder: URL? = nil, variables: [String: String] = [:], limit: Double = 60
    ) throws -> Run {
        let started = Date()
        let (process, stdout, stderr) = try start(arguments, in: folder, variables: variables)
        defer {
            try? FileManager.default.removeItem(at: stdout)
            try? FileManager.default.removeItem(at: stderr)
        }
        let done = waitUntil(limit) { !process.isRunning }
        if !done { process.interrupt() }
        process.waitUntilExit()
        guard done else { throw Overran(arguments: arguments, limit: limit) }
        return Run(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "",
            seconds: Date().timeIntervalSince(started))
    }

    /// Runs `sh -c script` (`arguments` are its `$1`...) in a private user and mount namespace, where it may mount a
    /// tmpfs without being root and leaves no mount behind when it ends.
    package static func inMountNamespace(_ script: String, _ arguments: [String]) throws -> Run {
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
    package static func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { return false }
            usleep(2_000)
        }
        return true
    }

    /// The live (not zombie) processes whose command line mentions `text`, such as a fixture's temporary folder.
    package static func processes(mentioning text: String) -> [pid_t] {
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

    /// `text` with the parts that change from run to run replaced: the site folder by `<site>`, the helpers'
    /// content hash by `<hash>`, and the interpreter `python3` resolves to (a build runs the real executable, not a
    /// launcher) by `python3`.
    package static func normalized(_ text: String, site: URL) -> String {
        text.replacingOccurrences(of: site.path, with: "<site>")
            .replacingOccurrences(of: " \(python3()) ", with: " python3 ")
            .replacingOccurrences(of: #"helpers/[0-9a-f]{8,}"#, with: "helpers/<hash>", options: .regularExpression)
            .trimmingCharacters(in: .newlines)
    }

    private static func temporaryFile(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evident-\(name)-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }
}
