import Yams

/// Rejects keys a YAML mapping does not allow, suggesting the closest known one.
enum KeyCheck {
    /// Throws at the first key not in `allowed`; where the mapping takes an `extra:` map of the author's own values
    /// (`extra`), the fix also says to put the key there.
    static func rejectUnknown(
        in mapping: Node.Mapping, allowed: [String], what: String, source: YAMLSource, extra: Bool = false
    ) throws {
        for (name, node) in mapping.stringKeys where !allowed.contains(name) {
            let suggestion = closest(to: name, in: allowed).map { "did you mean `\($0)`? " } ?? ""
            let elsewhere = extra ? "; values of your own go under `extra:` (`extra: {\(name): ...}`)" : ""
            throw EvidentError(
                .input, at: source.location(of: node), "unknown key `\(name)` in \(what)",
                fix: "\(suggestion)allowed keys: \(allowed.joined(separator: ", "))\(elsewhere)")
        }
    }

    /// The allowed name within edit distance 2 of `name`, if any.
    static func closest(to name: String, in names: [String]) -> String? {
        EditDistance.closest(to: name, among: names) { _ in 2 }
    }
}
