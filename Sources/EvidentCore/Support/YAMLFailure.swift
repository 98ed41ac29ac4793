/// What is wrong with a YAML text evident reads (front matter, `site.yml`, a directive's body); `document` names it
/// as messages do ("front matter", "the bench directive"). The English is here.
package enum YAMLFailure: FailureReason {
    /// The YAML parser's own complaint.
    case syntax(document: String, problem: String)
    case keyTwice(String, document: String)
    case notAMapping(document: String)
    /// A required key is missing or empty.
    case missingKey(String, document: String)
    /// A value of the wrong type; `expected` as messages say it ("a list of texts").
    case wrongType(key: String, document: String, expected: String)
    /// A key that is not allowed, with those that are; `extra` when the mapping takes an `extra:` map.
    case unknownKey(String, document: String, allowed: [String], extra: Bool)
    /// Aliases that expand to more than evident reads (`size` as said: "more than 10,000 nodes").
    case expandsTooFar(document: String, size: String)
    case noFreePrivateUseCharacter(document: String)
    /// An alias (`*name`, `alias` without the star) used in a key.
    case aliasInKey(String, document: String)

    package var kind: EvidentError.Kind { .input }

    package var message: String {
        switch self {
        case .syntax(let document, let problem): return "bad YAML in \(document): \(problem)"
        case .keyTwice(let key, let document): return "`\(key)` is given twice in \(document)"
        case .notAMapping(let document): return "\(document) is not a mapping of keys to values"
        case .missingKey(let key, let document): return "\(document) has no `\(key)`"
        case .wrongType(let key, let document, let expected): return "`\(key)` in \(document) must be \(expected)"
        case .unknownKey(let key, let document, _, _): return "unknown key `\(key)` in \(document)"
        case .expandsTooFar(let document, let size):
            return "\(document) expands to \(size), counting each use of an alias (`*name`) in full"
        case .noFreePrivateUseCharacter(let document):
            return "\(document) holds every private-use character, so its aliases cannot be checked"
        case .aliasInKey(let alias, let document): return "an alias (`*\(alias)`) is used in a key of \(document)"
        }
    }

    package var fix: String? {
        switch self {
        case .syntax: return "check the indentation, and quote text that contains `: ` or ` #`"
        case .keyTwice(let key, _): return "keep one `\(key):`"
        case .notAMapping: return "write it as `key: value` lines"
        case .missingKey(let key, _): return "add a line `\(key): ...`"
        case .wrongType(let key, _, _): return "change the value of `\(key)`"
        case .unknownKey(let key, _, let allowed, let extra):
            return EditDistance.suggestion(for: key, among: allowed, noun: "keys")
                + (extra ? "; values of your own go under `extra:` (`extra: {\(key): ...}`)" : "")
        case .expandsTooFar: return "write the values out, or use fewer aliases of aliases"
        case .noFreePrivateUseCharacter: return "remove the private-use characters (U+E000 to U+F8FF)"
        case .aliasInKey: return "write the key as a name; an alias may stand only for a value"
        }
    }
}
