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
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw Self.yamlError(error, kind: kind, yaml: yaml, file: file, line: line)
        }
        guard let root else {
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

    private static func yamlError(_ error: Error, kind: DirectiveKind, yaml: String, file: String, line: Int)
        -> EvidentError
    {
        let fix = "check the indentation, and quote text that contains `: ` or ` #`"
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return EvidentError(
                .input, at: SourceLocation(file: file, line: line + mark.line),
                "bad YAML in the \(kind) directive: \(problem)", fix: fix)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let yamlLine = secondLine(of: key, after: context.mark, in: yaml) ?? context.mark.line
            return EvidentError(
                .input, at: SourceLocation(file: file, line: line + yamlLine),
                "`\(key)` is given twice in the \(kind) directive", fix: "keep one `\(key):`")
        default:
            return EvidentError(
                .input, at: SourceLocation(file: file, line: line), "bad YAML in the \(kind) directive: \(error)",
                fix: fix)
        }
    }

    /// The YAML line of the second `key:` at the column of the first one, when it is written in block style.
    private static func secondLine(of key: String, after first: Mark, in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices.dropFirst(first.line) {
            let text = lines[index].dropFirst(first.column - 1)
            guard text.hasPrefix(key) else { continue }
            if text.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return index + 1
            }
        }
        return nil
    }
}
