import EvidentCore
import EvidentSystem
import Foundation

/// Runs a probe directive: every snippet under every tool, in the essay folder, with the venv's `bin` first on
/// `PATH`. A `{file}` in a tool's command line becomes the snippet's absolute path; otherwise the snippet comes
/// on stdin. A snippet works when stdout shows the marker; exit codes are ignored, since a REPL exits 0 after an
/// error.
struct ProbeRunner: Sendable {

    /// One result per tool and snippet, tools in order, then snippets. A tool that cannot start at all is an
    /// `EvidentError(.experiment)` at the directive, not a failure of the snippet.
    func run(_ probe: ProbeDirective, essayFolder: URL, toolchain: ExperimentToolchain) throws
        -> [ProbeResult]
    {
        let environment = VenvEnvironment.make(toolchain)
        return try probe.tools.flatMap { tool in
            try probe.snippets.map { snippet in
                try run(tool, on: snippet, of: probe, essayFolder: essayFolder, environment: environment)
            }
        }
    }

    private func run(
        _ tool: ProbeTool, on snippet: ProbeSnippet, of probe: ProbeDirective, essayFolder: URL,
        environment: [String: String]
    ) throws -> ProbeResult {
        let file = essayFolder.appendingPathComponent(snippet.path).path
        let line = tool.command.replacingOccurrences(
            of: ProbeTool.filePlaceholder, with: CommandLineWords.quoted([file]))
        let arguments = CommandLineWords.arguments(for: line)
        let subprocess = Subprocess(
            arguments, environment: environment, workingDirectory: essayFolder.path,
            input: tool.takesFile ? .null : .file(file), timeout: probe.timeout)
        let result: ProcessResult
        do {
            result = try subprocess.run()
        } catch {
            throw cannotStart(tool, reason: "\(error)", at: probe.location)
        }
        let viaShell = CommandLineWords.split(line) == nil
        if viaShell, result.termination == .exited(127), result.stderrText.contains("not found") {
            throw cannotStart(tool, reason: ProbeOutput.lastLine(result.stderrText) ?? "", at: probe.location)
        }
        let stdout = String(decoding: result.stdout, as: UTF8.self)
        let works = !result.timedOut && stdout.contains(probe.marker)
        var exitStatus: Int?
        if case .exited(let status) = result.termination { exitStatus = Int(status) }
        return ProbeResult(
            tool: tool.name, snippet: snippet.name, works: works,
            firstError: works
                ? nil
                : ProbeOutput.firstError(
                    result, stdout: stdout, marker: probe.marker, timeout: probe.timeout, folder: essayFolder),
            exitStatus: result.timedOut ? nil : exitStatus,
            seconds: Double(result.wallNanoseconds) / 1e9)
    }

    private func cannotStart(_ tool: ProbeTool, reason: String, at location: SourceLocation) -> EvidentError {
        EvidentError(
            ExperimentFailure.probeToolCannotStart(tool: tool.name, command: tool.command, reason: reason), at: location
        )
    }
}
