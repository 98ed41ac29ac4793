import EvidentCore
import EvidentSystem
import Foundation

extension Subprocess {
    /// Runs the program and turns each way it can fail (it cannot start, exits non-zero, dies of a signal, runs
    /// past its time-out, prints more than its stdout cap) into an `EvidentError` at `location` that names it
    /// (`name`, such as `experiment experiments/x.py`), quotes its stderr tail and says how to reproduce it.
    func run(named name: String, at location: SourceLocation) throws -> ProcessResult {
        let result: ProcessResult
        do {
            result = try run()
        } catch let error as SubprocessError {
            throw EvidentError(ExperimentFailure.cannotStart(program: name, reason: "\(error)"), at: location)
        }
        if result.succeeded { return result }
        let stderr = result.stderrText
        if result.timedOut, let timeout {
            throw EvidentError(
                ExperimentFailure.timedOut(program: name, seconds: timeout.seconds, stderr: stderr), at: location)
        }
        if result.outputCapped {
            throw EvidentError(
                ExperimentFailure.outputCapped(program: name, limit: stdoutLimit, stderr: stderr), at: location)
        }
        throw EvidentError(
            ExperimentFailure.failed(
                program: name, termination: result.termination, stderr: stderr, reproduction: reproduction),
            at: location)
    }

    /// A shell line that runs the same program the same way: `cd DIR && NAME=VALUE... PROGRAM ARGS`, with the
    /// variables it gets beyond `PATH`, `HOME` and `LANG`.
    var reproduction: String {
        let variables = environment.filter { !["PATH", "HOME", "LANG"].contains($0.key) }.sorted { $0.key < $1.key }
        let command =
            (variables.map { "\($0.key)=\(CommandLineWords.quoted([$0.value]))" }
            + [CommandLineWords.quoted(arguments)]).joined(separator: " ")
        guard let workingDirectory else { return command }
        return "cd \(CommandLineWords.quoted([workingDirectory])) && \(command)"
    }
}

/// The frames of a traceback that lie in a bundled helper (`evident_bench.py`, `evident_bench.js`), which say
/// only how the helper called the variant: each run of them becomes one line saying how many were left out.
enum HelperFrames {
    private static let helperFiles = ["evident_bench.py", "evident_bench.js"]

    static func folded(_ lines: [Substring]) -> [Substring] {
        var result: [Substring] = []
        var index = 0
        while index < lines.count {
            var frames = 0
            var next = index
            while next < lines.count, let end = frameEnd(lines, at: next) {
                frames += 1
                next = end
            }
            guard frames > 0 else {
                result.append(lines[index])
                index += 1
                continue
            }
            let indent = lines[index].prefix { $0 == " " }
            let plural = frames == 1 ? "frame" : "frames"
            result.append("\(indent)[\(frames) \(plural) of the bundled helper left out]")
            index = next
        }
        return result
    }

    /// Where the helper frame starting at `index` ends (the index after it), nil when no helper frame starts there:
    /// Python's `  File ".../evident_bench.py", line N, in f` with the more indented lines under it, or Node's
    /// `    at f (.../evident_bench.js:N:M)`.
    private static func frameEnd(_ lines: [Substring], at index: Int) -> Int? {
        let line = lines[index]
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("at "), helperFiles.contains(where: { line.contains("/\($0):") }) { return index + 1 }
        guard trimmed.hasPrefix("File \""), helperFiles.contains(where: { line.contains("/\($0)\", line ") }) else {
            return nil
        }
        let indent = line.count - trimmed.count
        var end = index + 1
        while end < lines.count, lines[end].prefix(while: { $0 == " " }).count > indent { end += 1 }
        return end
    }
}
