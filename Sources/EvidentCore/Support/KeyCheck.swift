import Yams

/// Rejects keys a YAML mapping does not allow, suggesting the closest known one.
enum KeyCheck {
    static func rejectUnknown(
        in mapping: Node.Mapping, allowed: [String], what: String, source: YAMLSource
    ) throws {
        for (name, node) in mapping.stringKeys where !allowed.contains(name) {
            throw EvidentError(
                .input, at: source.location(of: node), "unknown key `\(name)` in \(what)",
                fix: EditDistance.suggestion(for: name, among: allowed, noun: "keys"))
        }
    }
}
