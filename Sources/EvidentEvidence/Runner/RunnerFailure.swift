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
            throw EvidentError(
                .experiment, at: location, "\(name) cannot start: \(error)",
                fix: "check that the program exists and is executable")
        }
        if result.succeeded { return result }
        let stderr = RunnerFailure.stderrSection(result.stderrText)
        if result.timedOut, let timeout {
            throw EvidentError(
                .experiment, at: location,
                "\(name) ran past its time-out of \(String(format: "%g", timeout.seconds)) s and was killed" + stderr,
                fix: "raise `timeout:` in the directive, or give the experiment less work per process")
        }
        if result.outputCapped {
            let limitText = stdoutLimit % (1 << 20) == 0 ? "\(stdoutLimit >> 20) MiB" : "\(stdoutLimit) bytes"
            throw EvidentError(
                .experiment, at: location, "\(name) printed more than \(limitText) on stdout" + stderr,
                fix: "print only the sample lines on stdout, and logs on stderr")
        }
        throw EvidentError(
            .experiment, at: location, "\(name) \(result.termination)" + stderr,
            fix: "run it by hand to see why: \(reproduction)")
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

/// Text shared by the runner's error messages.
enum RunnerFailure {
    /// The last lines of a program's stderr, indented under the message, or nothing when it wrote none.
    /// Frames of the bundled helpers in a traceback are folded into one line first, so that the lines kept are
    /// the experiment's own.
    static func stderrSection(_ tail: String, lines: Int = 20) -> String {
        let kept = HelperFrames.folded(tail.split(separator: "\n", omittingEmptySubsequences: false)).suffix(lines + 1)
        let block = indented(kept.joined(separator: "\n"))
        return block.isEmpty ? "" : "; its stderr ends with:" + block
    }

    /// `text` without blank lines around it, each line on its own line indented by four spaces, ending with a
    /// line break so that the fix after the message starts a line of its own; empty when `text` is blank.
    static func indented(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "" }
        return trimmed.split(separator: "\n", omittingEmptySubsequences: false).map { "\n    " + $0 }.joined() + "\n"
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
