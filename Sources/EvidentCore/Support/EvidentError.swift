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

/// Every failure evident reports to a user: where it happened and what went wrong.
///
/// Like swift-argument-parser's error values, one type carries the location, so that every message reads
/// `file:line: what — fix`; what went wrong is a typed case of its family (`reason`), whose file holds the English,
/// and its kind decides the exit code.
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

    /// What went wrong: a case of its family with the values it names.
    package var reason: any FailureReason
    package var location: SourceLocation?

    package init(_ reason: some FailureReason, at location: SourceLocation? = nil) {
        self.reason = reason
        self.location = location
    }

    /// A failure of a family without typed cases, described where it is thrown.
    package init(_ kind: Kind, at location: SourceLocation? = nil, _ message: String, fix: String? = nil) {
        self.init(DescribedFailure(kind: kind, message: message, fix: fix), at: location)
    }

    package var kind: Kind { reason.kind }
    /// What is wrong, in English.
    package var message: String { reason.message }
    /// What the user should do; shown after an em dash.
    package var fix: String? { reason.fix }

    /// The reason as a case of the family `family`, or nil when it belongs to another.
    package func reason<Family: FailureReason>(_ family: Family.Type) -> Family? {
        reason as? Family
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

    package static func == (lhs: EvidentError, rhs: EvidentError) -> Bool {
        lhs.location == rhs.location && lhs.reason.isSame(as: rhs.reason)
    }
}
