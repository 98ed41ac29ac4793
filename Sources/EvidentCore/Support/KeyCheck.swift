import Yams

/// Rejects keys a YAML mapping does not allow, suggesting the closest known one.
enum KeyCheck {
    /// Throws at the first key not in `allowed`; where the mapping takes an `extra:` map of the author's own values
    /// (`extra`), the fix also says to put the key there.
    static func rejectUnknown(
        in mapping: Node.Mapping, allowed: [String], what: String, source: YAMLSource, extra: Bool = false
    ) throws {
        for (name, node) in mapping.stringKeys where !allowed.contains(name) {
            throw EvidentError(
                YAMLFailure.unknownKey(name, document: what, allowed: allowed, extra: extra),
                at: source.location(of: node))
        }
    }
}
