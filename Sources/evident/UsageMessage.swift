import ArgumentParser

extension EvidentCommand {
    /// A command-line mistake in the form of the tool's other errors, `what — fix`: the parser's message without
    /// its own `Error:` label, and the help page to read (`unknown option '--foo' — see `evident build --help``).
    static func usageMessage(for error: any Error) -> String {
        var what = message(for: error)
        if let first = what.first, first.isUppercase, what.dropFirst().first?.isLowercase == true {
            what = first.lowercased() + what.dropFirst()
        }
        let full = fullMessage(for: error, columns: 1000)
        guard let start = full.range(of: "See '"), let end = full[start.upperBound...].firstIndex(of: "'") else {
            return what
        }
        return "\(what) — see `\(full[start.upperBound..<end])`"
    }
}
