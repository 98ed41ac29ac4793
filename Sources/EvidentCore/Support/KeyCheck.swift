import Yams

/// Rejects keys a YAML mapping does not allow, suggesting the closest known one.
enum KeyCheck {
    /// Throws at the first key not in `allowed`; where the mapping takes an `extra:` map of the author's own values
    /// (`extra`), the fix also says to put the key there.
    static func rejectUnknown(
        in mapping: Node.Mapping, allowed: [String], what: String, source: YAMLSource, extra: Bool = false
    ) throws {
        for (name, node) in mapping.stringKeys where !allowed.contains(name) {
            let elsewhere = extra ? "; values of your own go under `extra:` (`extra: {\(name): ...}`)" : ""
            throw EvidentError(
                .input, at: source.location(of: node), "unknown key `\(name)` in \(what)",
                fix: EditDistance.suggestion(for: name, among: allowed, noun: "keys") + elsewhere)
        }
    }
}
