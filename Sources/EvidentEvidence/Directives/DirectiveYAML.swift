import EvidentCore
import Yams

/// A YAML value of a directive with the place it was written, so that every message can point at it.
struct DirectiveValue {
    /// The YAML node.
    let node: Node
    /// The key path that holds it: `budget`, `params.n`.
    let name: String
    /// Whether it is one item of the list `name`.
    let isItem: Bool
    /// Where it was written: a line of the essay, or the site's defaults.
    let location: SourceLocation
    /// Turns a node's YAML line into an essay line.
    let locate: (Node) -> SourceLocation

    /// Which value this is, as failures name it.
    var field: DirectiveField { DirectiveField(name, isItem: isItem) }

    /// The value's YAML shape.
    var shape: DirectiveValueFailure.Shape {
        switch node {
        case .scalar: return .text
        case .sequence: return .list
        case .mapping: return .map
        case .alias: return .alias
        }
    }

    /// The value as text: a scalar that is not null or blank, as written (`10`, `0.5`, `tcp`).
    func text() throws -> String {
        guard case .scalar(let scalar) = node else {
            throw wrongShape(expected: .text)
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard node.null == nil, !text.isEmpty else {
            throw error(DirectiveValueFailure.empty(field))
        }
        return text
    }

    /// The value as a boolean: `true` or `false`.
    func bool() throws -> Bool {
        switch try text() {
        case "true": return true
        case "false": return false
        case let other: throw error(DirectiveValueFailure.notBoolean(field, other))
        }
    }

    /// The items of a non-empty list, each with its own line.
    func list() throws -> [DirectiveValue] {
        guard case .sequence(let sequence) = node else {
            throw wrongShape(expected: .list)
        }
        guard !sequence.isEmpty else {
            throw error(DirectiveValueFailure.emptyList(field))
        }
        return sequence.map { child($0, name: name, isItem: true) }
    }

    /// The entries of a non-empty map in the order written; keys are text. Each value is located at its key's line,
    /// so that a message about a whole block value (`claims:` then its items) points at the key.
    func entries() throws -> [(key: String, value: DirectiveValue)] {
        guard case .mapping(let mapping) = node else {
            throw wrongShape(expected: .map)
        }
        guard !mapping.isEmpty else {
            throw error(DirectiveValueFailure.emptyMap(field))
        }
        var entries: [(key: String, value: DirectiveValue)] = []
        for (key, value) in mapping {
            let keyValue = child(key, name: "\(name) key", isItem: false)
            let key = try keyValue.text()
            guard !entries.contains(where: { $0.key == key }) else {
                throw keyValue.error(DirectiveValueFailure.keyTwice(field, key: key))
            }
            let entry = DirectiveValue(
                node: value, name: "\(name).\(key)", isItem: false, location: keyValue.location, locate: locate)
            entries.append((key, entry))
        }
        return entries
    }

    /// The texts of a list, or of a single value taken as a list of one.
    func texts() throws -> [(text: String, value: DirectiveValue)] {
        if case .sequence = node {
            return try list().map { (try $0.text(), $0) }
        }
        return [(try text(), self)]
    }

    /// An error at this value.
    func error(_ reason: some FailureReason) -> EvidentError {
        EvidentError(reason, at: location)
    }

    /// The error for a value of the wrong shape, naming what was expected and what was found.
    func wrongShape(expected: DirectiveValueFailure.Shape) -> EvidentError {
        error(DirectiveValueFailure.wrongShape(field, expected: expected, found: shape))
    }

    private func child(_ node: Node, name: String, isItem: Bool) -> DirectiveValue {
        let location = node.mark == nil ? location : locate(node)
        return DirectiveValue(node: node, name: name, isItem: isItem, location: location, locate: locate)
    }
}
