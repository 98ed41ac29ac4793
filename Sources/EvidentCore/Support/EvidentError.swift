/// A place in the site that an error points at: a path relative to the site folder and, when known, a 1-based line.
package struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The file, relative to the site folder where possible (`content/x/index.md`).
    package var file: String
    /// The 1-based line in `file`, when the error has one.
    package var line: Int?

    package init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }

    package var description: String {
        guard let line else { return file }
        return "\(file):\(line)"
    }
}

/// Every failure evident reports to a user: where it happened, what is wrong, and what to do about it.
///
/// Like swift-argument-parser's error values, one type carries the location so that every message
/// reads `file:line: what — fix`, and the kind decides the exit code.
package struct EvidentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, which decides the process exit code.
    package enum Kind: Sendable, Equatable {
        /// Bad input: content, configuration, templates (exit 1).
        case input
        /// An experiment failed to run or produced bad output (exit 1).
        case experiment
        /// A file could not be read or written (exit 1).
        case io
        /// The command line was wrong (exit 2).
        case usage
        /// A claim is contradicted by its evidence under `--strict` or `check` (exit 3).
        case contradicted
    }

    package var kind: Kind
    package var location: SourceLocation?
    package var message: String
    /// What the user should do; shown after an em dash.
    package var fix: String?

    package init(_ kind: Kind, at location: SourceLocation? = nil, _ message: String, fix: String? = nil) {
        self.kind = kind
        self.location = location
        self.message = message
        self.fix = fix
    }

    /// The process exit code for this error, as DESIGN.md's CLI contract fixes them.
    package var exitCode: Int32 {
        switch kind {
        case .input, .experiment, .io: return 1
        case .usage: return 2
        case .contradicted: return 3
        }
    }

    package var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += message
        if let fix { text += " — \(fix)" }
        return text
    }
}
