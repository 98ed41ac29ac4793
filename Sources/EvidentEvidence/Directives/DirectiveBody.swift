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
            throw EvidentError(
                .input, at: location, "the \(kind) directive is empty",
                fix: "write its keys as YAML, starting with `id:` and `title:`")
        }
        let body = DirectiveValue(
            node: root, name: kind.rawValue, isItem: false, location: locate(root), locate: locate)
        guard case .mapping = root else {
            throw body.error(
                "the body of a \(kind) directive must be a YAML map of keys, not \(root.scalar != nil ? "text" : "a list")",
                fix: "write one `key: value` per line, starting with `id:` and `title:`")
        }
        var values: [String: DirectiveValue] = [:]
        for (key, value) in try body.entries() {
            guard keys.contains(key) else {
                throw EvidentError(
                    .input, at: value.location, "unknown key `\(key)` in the \(kind) directive",
                    fix: EditDistance.suggestion(for: key, among: keys, noun: "keys"))
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
    func required(_ key: String, fix: String) throws -> DirectiveValue {
        guard let value = value(key) else {
            throw EvidentError(.input, at: location, "the \(kind) directive has no `\(key)`", fix: fix)
        }
        return value
    }

    /// The `id`, `title` and `caption` of every directive.
    func header() throws -> (id: String, title: String, caption: String?) {
        let id = try DirectiveValidation.id(
            required("id", fix: "add `id: a-name-like-this` (lower-case letters, digits and dashes)"))
        let title = try required("title", fix: "add `title:` with the question it answers, on one line").text()
        return (id, title, try value("caption")?.text())
    }
}
