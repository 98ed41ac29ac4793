import Yams

/// Typed access to the values of a YAML mapping, with `file:line` errors on a wrong type.
struct YAMLFields {
    var mapping: Node.Mapping
    var source: YAMLSource
    /// What the mapping is, for messages ("front matter", "site configuration").
    var what: String

    func requiredString(_ key: String) throws -> String {
        guard let value = try string(key), !value.isEmpty else {
            throw EvidentError(YAMLFailure.missingKey(key, document: what), at: source.location(of: mapping.first?.key))
        }
        return value
    }

    func string(_ key: String) throws -> String? {
        guard let node = mapping[key: key], !isNull(node) else { return nil }
        guard let scalar = node.scalar else { throw wrongType(key, node, expected: "a text") }
        return scalar.string
    }

    func bool(_ key: String) throws -> Bool? {
        guard let node = mapping[key: key], !isNull(node) else { return nil }
        guard let value = node.bool else { throw wrongType(key, node, expected: "true or false") }
        return value
    }

    /// A whole number, 0 or more.
    func count(_ key: String) throws -> Int? {
        guard let node = mapping[key: key], !isNull(node) else { return nil }
        guard let value = node.int, value >= 0 else {
            throw wrongType(key, node, expected: "a whole number, 0 or more")
        }
        return value
    }

    func stringList(_ key: String) throws -> [String]? {
        guard let node = mapping[key: key], !isNull(node) else { return nil }
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else { throw wrongType(key, node, expected: "a list of texts") }
        return try sequence.map { item in
            guard let scalar = item.scalar else { throw wrongType(key, item, expected: "a list of texts") }
            return scalar.string
        }
    }

    func stringMap(_ key: String) throws -> [String: String]? {
        guard let node = mapping[key: key], !isNull(node) else { return nil }
        guard let map = node.mapping else { throw wrongType(key, node, expected: "a mapping") }
        var result: [String: String] = [:]
        for (name, value) in map {
            guard let name = name.string, let scalar = value.scalar else {
                throw wrongType(key, value, expected: "a mapping of names to values")
            }
            result[name] = scalar.string
        }
        return result
    }

    private func isNull(_ node: Node) -> Bool {
        node.null != nil && node.scalar?.style == .plain
    }

    private func wrongType(_ key: String, _ node: Node, expected: String) -> EvidentError {
        EvidentError(YAMLFailure.wrongType(key: key, document: what, expected: expected), at: source.location(of: node))
    }
}
