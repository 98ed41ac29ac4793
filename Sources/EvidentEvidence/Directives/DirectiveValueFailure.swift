import EvidentCore

/// What is wrong with one value of a directive: its shape, or a duration, percentage or count it should be. The
/// English is here.
package enum DirectiveValueFailure: FailureReason {
    /// The shapes a YAML value comes in.
    package enum Shape: Sendable {
        case text, list, map, alias
    }

    /// A value of the wrong shape.
    case wrongShape(DirectiveField, expected: Shape, found: Shape)
    /// An item of `claims` that is not text (a claim containing `: ` reads as a map).
    case claimNotText(DirectiveField, found: Shape)
    /// A value that is null or blank.
    case empty(DirectiveField)
    /// A value that is neither `true` nor `false`.
    case notBoolean(DirectiveField, String)
    case emptyList(DirectiveField)
    case emptyMap(DirectiveField)
    /// A map that gives a key twice.
    case keyTwice(DirectiveField, key: String)
    case badDuration(DirectiveField, String)
    /// A duration longer than `DirectiveQuantity.longestDuration`.
    case durationOverAWeek(DirectiveField, String)
    case badPercentage(DirectiveField, String)
    /// Not a whole number of at least `minimum`.
    case badCount(DirectiveField, String, minimum: Int)
    /// Fewer samples (`count`) than a cell's interval needs (`least`).
    case tooFewSamples(DirectiveField, count: Int, least: Int)
    /// Neither `auto` nor a whole number of at least 1.
    case badSampleCount(DirectiveField, String)

    package var kind: EvidentError.Kind { .input }

    package var message: String {
        switch self {
        case .wrongShape(let field, let expected, let found):
            return "\(field.label) must be \(expected.words), not \(found.words)"
        case .claimNotText(let field, let found): return "\(field.label) must be text, not \(found.words)"
        case .empty(let field): return "\(field.label) is empty"
        case .notBoolean(let field, let text): return "\(field.label) is `\(text)`, not true or false"
        case .emptyList(let field): return "\(field.label) is an empty list"
        case .emptyMap(let field): return "\(field.label) is an empty map"
        case .keyTwice(let field, let key): return "\(field.label) has `\(key)` twice"
        case .badDuration(let field, let text): return "bad duration `\(text)` for \(field.label)"
        case .durationOverAWeek(let field, let text):
            return "duration `\(text)` for \(field.label) is longer than a week"
        case .badPercentage(let field, let text): return "bad percentage `\(text)` for \(field.label)"
        case .badCount(let field, let text, _): return "bad count `\(text)` for \(field.label)"
        case .tooFewSamples(let field, let count, let least):
            return "\(field.label) of \(count) is too few: below \(least) samples a cell's 95 % interval is only "
                + "[min, max]"
        case .badSampleCount(let field, let text): return "bad sample count `\(text)` for \(field.label)"
        }
    }

    package var fix: String? {
        switch self {
        case .wrongShape(_, .list, _): return "write one `- item` per line, or `[a, b]`"
        case .wrongShape(_, .map, _): return "write one `name: value` per line"
        case .wrongShape: return "write it as a single value"
        case .claimNotText: return "quote a claim that contains `: `"
        case .empty: return "write a value for it"
        case .notBoolean: return "write `true` or `false`"
        case .emptyList(let field): return "add at least one item or remove `\(field.name)`"
        case .emptyMap(let field): return "add at least one entry or remove `\(field.name)`"
        case .keyTwice(_, let key): return "keep one `\(key):`"
        case .badDuration: return "write a positive number with a unit: `500ms`, `30s`, `2m`"
        case .durationOverAWeek: return "write at most `168h`"
        case .badPercentage: return "write a percentage between 0% and 100%, like `3%`"
        case .badCount(_, _, let minimum): return "write a whole number of at least \(minimum)"
        case .tooFewSamples(_, _, let least): return "write `min_samples: \(least)` or more"
        case .badSampleCount: return "write `auto` or a whole number of at least 1"
        }
    }
}

/// Which value of a directive a message is about: a key path (`budget`, `params.n`), or one item of a list.
package struct DirectiveField: Sendable, Equatable {
    /// The key path that holds the value.
    package var name: String
    /// Whether the value is one item of the list `name`.
    package var isItem: Bool

    package init(_ name: String, isItem: Bool = false) {
        self.name = name
        self.isItem = isItem
    }

    /// How messages refer to it: `` `budget` `` or ``an item of `claims` ``.
    var label: String { isItem ? "an item of `\(name)`" : "`\(name)`" }
}

extension DirectiveValueFailure.Shape {
    /// The shape as messages name it.
    var words: String {
        switch self {
        case .text: return "text"
        case .list: return "a list"
        case .map: return "a map"
        case .alias: return "an alias"
        }
    }
}
