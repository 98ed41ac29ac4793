/// What went wrong in one family of failures (directive schema, front matter, templates, experiments, evidence
/// files, output folder), as a typed case that names the offending values: tests compare these cases, and the
/// family's own file turns each into the English a user reads, so that all of a family's wording is in one place.
package protocol FailureReason: Sendable, Equatable {
    /// Which exit code the failure ends the process with.
    var kind: EvidentError.Kind { get }
    /// What is wrong, in English.
    var message: String { get }
    /// What the user should do about it, shown after an em dash.
    var fix: String? { get }
}

extension FailureReason {
    /// Whether `other` is the same case of the same family with the same values.
    func isSame(as other: any FailureReason) -> Bool {
        (other as? Self) == self
    }
}
