import Yams

/// An author-defined value from `extra:` in an essay's front matter or in `site.yml`, handed to templates as
/// `page.extra` and `site.extra` the way it was written (like Zola's `extra`).
package enum ExtraValue: Sendable, Equatable {
    /// Any scalar but `true`/`false`, as written: `3`, `1.50` and `2026-01-01` stay the text the author typed.
    case text(String)
    /// Plain `true` or `false`, so that a template section can test it.
    case bool(Bool)
    case list([ExtraValue])
    case map([String: ExtraValue])

    /// The `extra` mapping of a front matter or site configuration: empty when absent, an error when it is not a
    /// mapping of names to values. A null value (`key:` with nothing after it) leaves its key out.
    static func extra(in mapping: Node.Mapping, source: YAMLSource, what: String) throws -> [String: ExtraValue] {
        guard let node = mapping[key: "extra"] else { return [:] }
        if isNull(node) { return [:] }
        guard let map = node.mapping else {
            throw EvidentError(FrontMatterFailure.extraNotMapping(document: what), at: source.location(of: node))
        }
        return try entries(of: map, source: source)
    }

    private static func value(of node: Node, source: YAMLSource) throws -> ExtraValue? {
        if isNull(node) { return nil }
        if let map = node.mapping { return .map(try entries(of: map, source: source)) }
        if let sequence = node.sequence { return .list(try sequence.compactMap { try value(of: $0, source: source) }) }
        guard let scalar = node.scalar else { return nil }
        if scalar.style == .plain, ["true", "false"].contains(scalar.string) { return .bool(scalar.string == "true") }
        return .text(scalar.string)
    }

    private static func entries(of map: Node.Mapping, source: YAMLSource) throws -> [String: ExtraValue] {
        var entries: [String: ExtraValue] = [:]
        for (key, node) in map {
            guard let name = key.scalar?.string else {
                throw EvidentError(FrontMatterFailure.extraKeyNotName, at: source.location(of: key))
            }
            entries[name] = try value(of: node, source: source)
        }
        return entries
    }

    private static func isNull(_ node: Node) -> Bool {
        node.null != nil && node.scalar?.style == .plain
    }
}
