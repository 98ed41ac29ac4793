import EvidentCore
import EvidentSystem
import Foundation

/// How running an experiment, a command or a probe tool fails; `program` names
/// what ran as messages do (`experiment experiments/x.py`), `stderr` is the tail of what it wrote there. The English
/// is here.
package enum ExperimentFailure: FailureReason {
    case cannotStart(program: String, reason: String)
    case timedOut(program: String, seconds: Double, stderr: String)
    /// It printed more than `limit` bytes on stdout.
    case outputCapped(program: String, limit: Int, stderr: String)
    /// It exited non-zero or died of a signal; `reproduction` is a shell line that runs it the same way.
    case failed(program: String, termination: ProcessResult.Termination, stderr: String, reproduction: String)
    /// Its stdout line `line` (`text`) is not a sample; `problem` and `fix` are the runner protocol's words for why.
    case notASample(program: String, line: Int, text: String, problem: String, fix: String, stderr: String)
    /// A process asked for several `variants` printed a sample of none of them.
    case unpairedSample(program: String, variants: [String])
    /// No sample of `metric` for `variant` (in `cell`, empty when there are no params); `printed` lists the metrics
    /// it did print, and `file` is the experiment's path.
    case missingMetric(program: String, file: String, variant: String, cell: String, metric: String, printed: [String])
    case probeToolCannotStart(tool: String, command: String, reason: String)
    /// An experiment file of a language evident does not run.
    case unknownLanguage(program: String)

    package var kind: EvidentError.Kind {
        switch self {
        case .unknownLanguage: return .input
        default: return .experiment
        }
    }

    package var message: String {
        switch self {
        case .cannotStart(let program, let reason): return "\(program) cannot start: \(reason)"
        case .timedOut(let program, let seconds, let stderr):
            return "\(program) ran past its time-out of \(String(format: "%g", seconds)) s and was killed"
                + Self.stderrSection(stderr)
        case .outputCapped(let program, let limit, let stderr):
            let limitText = limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
            return "\(program) printed more than \(limitText) on stdout" + Self.stderrSection(stderr)
        case .failed(let program, let termination, let stderr, _):
            return "\(program) \(termination)" + Self.stderrSection(stderr)
        case .notASample(let program, let line, let text, let problem, _, let stderr):
            return "\(program) printed a line that is not a sample: line \(line), \(problem): \(Self.quote(text))"
                + Self.stderrSection(stderr)
        case .unpairedSample(let program, let variants):
            return "\(program) was asked for the variants \(variants.joined(separator: ", ")) in one process, but "
                + "printed a sample without the `variant` and `pair` of one of them"
        case .missingMetric(let program, _, let variant, let cell, let metric, let printed):
            let printedText =
                printed.isEmpty ? "no samples at all" : "only " + printed.map { "`\($0)`" }.joined(separator: ", ")
            return "\(program) (variant \(variant)\(cell.isEmpty ? "" : " at \(cell)")) printed no `\(metric)` "
                + "samples, \(printedText)"
        case .probeToolCannotStart(let tool, let command, let reason):
            return "probe tool `\(tool)` (`\(command)`) cannot start: \(reason)"
        case .unknownLanguage(let program): return "\(program) is not a .py, .swift, .js or .mjs file"
        }
    }

    package var fix: String? {
        switch self {
        case .cannotStart: return "check that the program exists and is executable"
        case .timedOut: return "raise `timeout:` in the directive, or give the experiment less work per process"
        case .outputCapped: return "print only the sample lines on stdout, and logs on stderr"
        case .failed(_, _, _, let reproduction): return "run it by hand to see why: \(reproduction)"
        case .notASample(_, _, _, _, let fix, _): return fix
        case .unpairedSample:
            return "use the bundled helper's `bench.main()`, which takes several variants in pairs, "
                + "or add `isolate: true` to the directive to run each variant in processes of its own"
        case .missingMetric(_, let file, _, _, let metric, let printed):
            let line = #"print a line like {"metric":"\#(metric)","value":...} per sample"#
            return printed.isEmpty ? Self.silentFix(file, line: line) : line + ", or change `metric:`"
        case .probeToolCannotStart:
            return "install it in the site's venv (requirements.txt) or on the PATH, or correct its command line"
        case .unknownLanguage:
            return "write the experiment in Python (.py), Swift (.swift) or JavaScript for Node.js (.js, .mjs)"
        }
    }

    /// What to do about an experiment that printed nothing: most often, one that declares its variants with the
    /// helper but never calls its `main`, so that it exits at once.
    private static func silentFix(_ experiment: String, line: String) -> String {
        let call: String
        switch (experiment as NSString).pathExtension {
        case "py": call = "`bench.main()` (under `if __name__ == \"__main__\":`)"
        case "js", "mjs": call = "`bench.main();`"
        case "swift": call = "`await bench.main()`"
        default: return line
        }
        return "an experiment that uses the helper must end with \(call), which runs the variant: without it, the "
            + "file only declares its variants and exits; without the helper, \(line)"
    }

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

    /// The line in backticks, cut to 120 characters.
    private static func quote(_ line: String) -> String {
        line.count > 120 ? "`\(line.prefix(120))…`" : "`\(line)`"
    }
}
