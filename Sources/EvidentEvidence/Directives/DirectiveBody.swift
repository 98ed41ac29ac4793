import EvidentCore
import Yams

/// The YAML body of one directive read into its keys, each with its line; bad YAML and unknown keys are rejected.
struct DirectiveBody {
    let kind: DirectiveKind
    /// The directive itself: the essay and the line of its opening fence.
    let location: SourceLocation
    private let values: [String: DirectiveValue]
    private let defaults: DirectiveDefaults

    /// Reads `yaml`, the body of a block whose opening fence is on `line` of `file`; its first line is `line + 1`.
    init(kind: DirectiveKind, yaml: String, file: String, line: Int, keys: [String], defaults: DirectiveDefaults) throws
    {
        self.kind = kind
        self.location = SourceLocation(file: file, line: line)
        self.defaults = defaults
        let locate = { (node: Node) in SourceLocation(file: file, line: line + (node.mark?.line ?? 0)) }
        let source = YAMLSource(file: file, firstLine: line + 1, text: yaml)
        guard let root = try source.compose(what: "the \(kind) directive") else {
            throw EvidentError(DirectiveFailure.empty(kind), at: location)
        }
        let body = DirectiveValue(
            node: root, name: kind.rawValue, isItem: false, location: locate(root), locate: locate)
        guard case .mapping = root else {
            throw body.error(DirectiveFailure.bodyNotMap(kind, isText: root.scalar != nil))
        }
        var values: [String: DirectiveValue] = [:]
        for (key, value) in try body.entries() {
            guard keys.contains(key) else {
                throw value.error(DirectiveFailure.unknownKey(key, in: kind, known: keys))
            }
            values[key] = DirectiveValue(
                node: value.node, name: key, isItem: false, location: value.location, locate: locate)
        }
        self.values = values
    }

    /// Whether the directive itself gives `key`.
    func has(_ key: String) -> Bool {
        values[key] != nil
    }

    /// The directive's own value for `key`, else the site's default for it.
    func value(_ key: String) -> DirectiveValue? {
        values[key] ?? defaults.value(key)
    }

    /// The value for a key the directive must give.
    func required(_ key: DirectiveFailure.RequiredKey) throws -> DirectiveValue {
        guard let value = value(key.rawValue) else {
            throw EvidentError(DirectiveFailure.missingKey(key, in: kind), at: location)
        }
        return value
    }

    /// The `id`, `title` and `caption` of every directive.
    func header() throws -> (id: String, title: String, caption: String?) {
        let id = try DirectiveValidation.id(required(.id))
        let title = try required(.title).text()
        return (id, title, try value("caption")?.text())
    }
}
