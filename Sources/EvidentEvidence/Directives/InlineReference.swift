import EvidentCore

/// A measured value cited in prose: an inline code span starting with `=`, such as
/// `` `=await-loop.gather.speedup@n=100` ``, rendered as the number so the sentence stays true after a refresh.
///
/// Grammar: `=ID.VARIANT.STAT[:METRIC][@KEY=VALUE[,KEY=VALUE]...]`.
/// - STAT: `median`, `ratio` (to the baseline), `speedup` (1/ratio), `ci` (of the median), `n` (samples).
/// - `:METRIC` cites one of the bench's metrics; without it, the first.
/// - `@` names the cell; a parameter with a single value may be left out.
///
/// A span is a reference when it is `=` followed by a lower-case letter or digit; others (`=`, `==`, `=>`) stay
/// code.
package struct InlineReference: Sendable, Equatable {
    /// What is cited about the variant in the cell.
    package enum Stat: String, Sendable, CaseIterable {
        case median, ratio, speedup, ci, n
    }

    /// The span as written, with its `=`.
    var text: String
    var id: String
    var variant: String
    var stat: Stat
    /// The metric named with `:METRIC`, if any.
    var metric: String?
    /// The cell as written after `@`: parameter → value text.
    var params: [String: String]
    /// The essay and the line of the span.
    var location: SourceLocation

    /// The reference in the content of an inline code span, nil when the span is not one.
    /// - Throws: an `EvidentError` at `location` when it starts like a reference but breaks the grammar.
    package static func parse(_ literal: String, location: SourceLocation) throws -> InlineReference? {
        guard literal.hasPrefix("="), let first = literal.dropFirst().first, DirectiveValidation.isID(String(first))
        else { return nil }
        let bad = EvidentError(
            .input, at: location, "bad inline reference `\(literal)`",
            fix: "write `=ID.VARIANT.STAT`, optionally with `:METRIC` and `@k=v,…`, "
                + "like `=await-loop.gather.speedup@n=100`")
        let body = literal.dropFirst().split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        let head = body[0].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let parts = head[0].split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, DirectiveValidation.isID(parts[0]), DirectiveValidation.isName(parts[1]) else {
            throw bad
        }
        guard let stat = Stat(rawValue: String(parts[2])) else {
            throw EvidentError(
                .input, at: location, "unknown stat `\(parts[2])` in `\(literal)`",
                fix: "use one of: \(Stat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let metric = head.count == 2 ? String(head[1]) : nil
        if let metric, !DirectiveValidation.isName(metric) { throw bad }
        var params: [String: String] = [:]
        for pair in body.dropFirst().flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let sides = pair.split(separator: "=", omittingEmptySubsequences: false)
            guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else { throw bad }
            guard params.updateValue(ParameterValue.canonical(String(sides[1])), forKey: String(sides[0])) == nil else {
                throw EvidentError(
                    .input, at: location, "`\(sides[0])` is given twice in `\(literal)`",
                    fix: "name each parameter once")
            }
        }
        return InlineReference(
            text: literal, id: String(parts[0]), variant: String(parts[1]), stat: stat, metric: metric,
            params: params, location: location)
    }
}
