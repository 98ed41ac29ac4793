import EvidentCore

/// What is wrong with a directive as a whole: its body, its keys, its id, its fence. The English is here.
package enum DirectiveFailure: FailureReason {
    /// A key every directive of a kind must give.
    package enum RequiredKey: String, Sendable {
        case id, title, tools, snippets
    }

    /// The block has no YAML at all.
    case empty(DirectiveKind)
    /// The body is text or a list (`isText`), not a map of keys.
    case bodyNotMap(DirectiveKind, isText: Bool)
    /// A key the kind does not know, with the keys it does.
    case unknownKey(String, in: DirectiveKind, known: [String])
    /// A required key is missing.
    case missingKey(RequiredKey, in: DirectiveKind)
    /// An id outside `[a-z0-9-]+`, with one made from it.
    case badID(String, suggested: String)
    /// A variant or parameter (`role`) name outside letters, digits, `_` and `-`.
    case badName(String, role: String)
    /// Two directives of an essay share an id; `firstLine` is the earlier one's.
    case duplicateID(String, firstLine: Int?)
    /// A key under `defaults:` in `site.yml` that no directive takes.
    case unknownDefault(String, known: [String])
    /// The fenced block (`fence` then `language`) is never closed.
    case unclosedBlock(fence: String, language: String)

    package var kind: EvidentError.Kind { .input }

    package var message: String {
        switch self {
        case .empty(let kind): return "the \(kind.rawValue) directive is empty"
        case .bodyNotMap(let kind, let isText):
            return
                "the body of a \(kind.rawValue) directive must be a YAML map of keys, not \(isText ? "text" : "a list")"
        case .unknownKey(let key, let kind, _): return "unknown key `\(key)` in the \(kind.rawValue) directive"
        case .missingKey(let key, let kind): return "the \(kind.rawValue) directive has no `\(key.rawValue)`"
        case .badID(let id, _): return "bad id `\(id)`: ids are lower-case letters, digits and dashes"
        case .badName(let name, let role): return "bad \(role) name `\(name)`"
        case .duplicateID(let id, let firstLine):
            return "duplicate id `\(id)`: the directive\(firstLine.map { " on line \($0)" } ?? "") has it too"
        case .unknownDefault(let key, _): return "unknown directive default `\(key)`"
        case .unclosedBlock(let fence, let language): return "the \(fence)\(language) block opened here is never closed"
        }
    }

    package var fix: String? {
        switch self {
        case .empty: return "write its keys as YAML, starting with `id:` and `title:`"
        case .bodyNotMap: return "write one `key: value` per line, starting with `id:` and `title:`"
        case .unknownKey(let key, _, let known): return EditDistance.suggestion(for: key, among: known, noun: "keys")
        case .missingKey(.id, _): return "add `id: a-name-like-this` (lower-case letters, digits and dashes)"
        case .missingKey(.title, _): return "add `title:` with the question it answers, on one line"
        case .missingKey(.tools, _): return "add `tools:`, a map of name → command line"
        case .missingKey(.snippets, _): return "add `snippets:`, a map of name → file in the essay folder"
        case .badID(_, let suggested): return "use something like `\(suggested)`"
        case .badName: return "use letters, digits, `_` and `-` only; claims and inline references cite it by name"
        case .duplicateID: return "give each directive of the essay its own id"
        case .unknownDefault(let key, let known):
            return EditDistance.suggestion(for: key, among: known, noun: "defaults")
        case .unclosedBlock(let fence, _): return "add a line with \(fence) after the directive's last line"
        }
    }
}
