import EvidentCore
import EvidentSystem
import Foundation

/// Reads why a probe's snippet failed from what the tool printed.
enum ProbeOutput {
    /// The longest first-error line kept.
    static let maximumLength = 200

    /// "timed out after 20 s" after a time-out; else the first line of stderr, then of stdout, that looks like an
    /// error (`NameError: ...`, `SomeException`, `error: ...`); else the last non-empty stderr line; else what
    /// the process did without printing the marker. Paths inside `folder` (the essay folder, as given and with its
    /// links resolved) are written relative to it, so that no published page shows where the site was built. Cut
    /// to `maximumLength` characters.
    static func firstError(
        _ result: ProcessResult, stdout: String, marker: String, timeout: Duration, folder: URL
    ) -> String {
        if result.timedOut {
            let seconds = Double(timeout.nanoseconds) / 1e9
            return "timed out after \(String(format: "%g", seconds)) s"
        }
        let stderr = result.stderrText
        let found =
            errorLine(in: stderr) ?? errorLine(in: stdout) ?? lastLine(stderr)
            ?? "\(result.termination) without printing \(marker)"
        let line = relative(found, to: folder)
        return line.count > maximumLength ? String(line.prefix(maximumLength - 1)) + "…" : line
    }

    /// `line` with every absolute path inside `folder` written relative to it, paths elsewhere in the site
    /// (`content/<slug>` is two levels below it) relative to the site, and the home folder as `~`.
    private static func relative(_ line: String, to folder: URL) -> String {
        var line = line
        let site = folder.deletingLastPathComponent().deletingLastPathComponent()
        let home = ProcessInfo.processInfo.environment["HOME"].map { URL(fileURLWithPath: $0) }
        for (root, replacement) in [(folder, ""), (site, ""), (home, "~/")] {
            guard let root, root.path != "/" else { continue }
            let real = ContainedFile.realPath(root.path)
            for prefix in Set([root.standardizedFileURL.path, root.path, real].compactMap { $0 }) {
                line = line.replacingOccurrences(of: prefix + "/", with: replacement)
            }
        }
        return line
    }

    /// The last line of `text` with something on it, cleaned like the error lines.
    static func lastLine(_ text: String) -> String? {
        lines(text).last
    }

    /// The first line that looks like an error.
    private static func errorLine(in text: String) -> String? {
        lines(text).first(where: looksLikeError)
    }

    /// `ValueError: ...`, `asyncio.CancelledError`, `SomeException`, `error: ...`, `main.swift:3:1: error: ...`,
    /// but not a quoted source line such as `raise ValueError(x)`.
    private static func looksLikeError(_ line: String) -> Bool {
        if line.range(of: "error:", options: .caseInsensitive) != nil { return true }
        let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        guard name.hasSuffix("Error") || name.hasSuffix("Exception") else { return false }
        let rest = line.dropFirst(name.count)
        return rest.isEmpty || rest.hasPrefix(":")
    }

    /// The non-blank lines of `text`, without terminal colour codes, REPL prompts (`>>> `, `... `) or the
    /// whitespace around them.
    private static func lines(_ text: String) -> [String] {
        let plain = text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
        return plain.split(whereSeparator: \.isNewline).compactMap { raw in
            var line = Substring(raw).trimmingCharacters(in: .whitespaces)[...]
            while let prompt = [">>>", "..."].first(where: { line.hasPrefix($0 + " ") || line == $0 }) {
                line = line.dropFirst(prompt.count).drop(while: \.isWhitespace)
            }
            return line.isEmpty ? nil : String(line)
        }
    }
}
