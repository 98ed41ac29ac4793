/// The two kinds of directive: the info string of their fenced block, and the `kind` of their stored evidence.
package enum DirectiveKind: String, Codable, Sendable, CaseIterable {
    /// Timings or other metrics of variants across parameter cells.
    case bench
    /// Works / fails of snippets under tools.
    case probe

    /// The kind a code block's info string names; nil for a code block that is not a directive.
    package init?(infoString language: some StringProtocol) {
        self.init(rawValue: String(language))
    }
}
