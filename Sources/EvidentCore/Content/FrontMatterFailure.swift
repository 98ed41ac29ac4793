/// What is wrong with an essay's front matter: its fences, its date, its `extra:` values (YAML mistakes are
/// `YAMLFailure`s). The English is here.
package enum FrontMatterFailure: FailureReason {
    /// The essay file has no text at all.
    case emptyEssay
    /// The essay does not begin with a `---` line.
    case missing
    /// The opening `---` has no closing one.
    case unclosed
    /// `date:` is not a date; `reason` says why (`WrittenDate.Problem`).
    case badDate(String, reason: String)
    /// `extra` in `document` is not a mapping.
    case extraNotMapping(document: String)
    /// A key under `extra` is not a plain name.
    case extraKeyNotName

    package var kind: EvidentError.Kind { .input }

    package var message: String {
        switch self {
        case .emptyEssay: return "the essay is empty"
        case .missing: return "the essay does not start with front matter"
        case .unclosed: return "the front matter opened here is never closed"
        case .badDate(let text, let reason): return "`date: \(text)` is not a date: \(reason)"
        case .extraNotMapping(let document): return "`extra` in \(document) must be a mapping of names to values"
        case .extraKeyNotName: return "a key under `extra` is not a name"
        }
    }

    package var fix: String? {
        switch self {
        case .emptyEssay, .missing:
            return "begin the file with a `---` line, then `title: ...` and `date: YYYY-MM-DD`, then a `---` line"
        case .unclosed: return "add a line with `---` after the last front matter key"
        case .badDate:
            return "write it as YYYY-MM-DD or an ISO 8601 timestamp such as 2026-11-25T09:30:00Z or "
                + "2026-11-25T09:30:00+01:00"
        case .extraNotMapping: return "write it as `extra:` followed by indented `name: value` lines"
        case .extraKeyNotName: return "use plain names such as `github:` for the keys under `extra`"
        }
    }
}
