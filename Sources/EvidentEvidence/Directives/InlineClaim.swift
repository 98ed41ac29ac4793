import EvidentCore

/// A claim written in a sentence of the prose or of a caption rather than in a directive: an inline code span
/// `` `?ID: CLAIM` `` such as `` `?await-loop: gather faster than threads at n=100` ``. It follows the claim grammar
/// of the directive `ID`, is judged on its evidence like the directive's own claims (and counts with them, so
/// `--strict` fails on a contradicted one), and renders as its sentence with its verdict and interval, so that a
/// direction the text states is checked at every build.
package struct InlineClaim: Sendable, Equatable {
    /// The directive whose evidence judges it.
    package var id: String
    /// The claim sentence, after `ID: `.
    package var text: String
    package var location: SourceLocation

    /// The inline claim in the content of a code span, nil when the span is not one (it must start with `?` and a
    /// lower-case letter or digit).
    /// - Throws: an `EvidentError` at `location` when it starts like one but has no `: CLAIM`.
    package static func parse(_ literal: String, location: SourceLocation) throws -> InlineClaim? {
        guard literal.hasPrefix("?"), let first = literal.dropFirst().first, DirectiveValidation.isID(String(first))
        else { return nil }
        let parts = literal.dropFirst().split(separator: ":", maxSplits: 1)
        let text = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        guard !text.isEmpty else {
            throw EvidentError(
                .input, at: location, "bad inline claim `\(literal)`",
                fix: "write `?ID: CLAIM`, like `?await-loop: gather faster than threads at n=100`")
        }
        return InlineClaim(id: String(parts[0]), text: text, location: location)
    }

    /// The inline claims of a caption's code spans (`` `?…` ``), located at the directive.
    static func all(inCaption caption: String?, location: SourceLocation) throws -> [InlineClaim] {
        guard let caption else { return [] }
        let spans = caption.split(separator: "`", omittingEmptySubsequences: false).enumerated()
        return try spans.compactMap { index, span in
            index % 2 == 1 ? try parse(String(span), location: location) : nil
        }
    }
}
