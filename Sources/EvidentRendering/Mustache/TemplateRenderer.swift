import EvidentCore

/// Renders compiled templates into one string: walks the node tree against a stack of values, with the partials
/// and parents of its library at hand, the blocks overridden by the parents being rendered, and the indentation
/// of the partial or block being written.
///
/// Mustache lets a partial include itself, ended by a section that becomes empty; one that never ends would
/// recurse until the stack overflows. So the nesting of sections, blocks, partials and parents is limited
/// (`depthLimit`), and a partial or parent tag reached past it throws `TemplateRecursionError`. Templates nest
/// sections at most `MustacheParser.nestingLimit` deep, so the stack stays within the two limits' sum.
struct TemplateRenderer {
    /// The deepest nesting at which a partial or parent is still included.
    static let depthLimit = 200

    /// A block that an enclosing parent tag overrides, with the template it is written in.
    private struct Override {
        var nodes: [TemplateNode]
        var template: String
    }

    private let templates: [String: [TemplateNode]]
    private var stack: [TemplateValue]
    /// The blocks that enclosing parent tags override; the outermost override of a name wins.
    private var overrides: [String: Override] = [:]
    /// Written at each line start of the template being rendered.
    private var indentation = ""
    /// The name of the template whose nodes are being rendered.
    private var template: String
    /// The templates included on the way to the one being rendered, outermost first.
    private var included: [String] = []
    private var depth = 0

    init(templates: [String: [TemplateNode]], context: TemplateValue, template: String) {
        self.templates = templates
        self.stack = [context]
        self.template = template
    }

    /// Appends the rendering of `nodes` to `output`.
    /// - Throws: `TemplateRecursionError` for a partial or parent that nests past `depthLimit`.
    mutating func render(_ nodes: [TemplateNode], into output: inout String) throws {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .lineStart:
                output += indentation
            case .value(let path, let escaped):
                if let value = resolve(path) { Self.write(value, escaped: escaped, into: &output) }
            case .section(let path, let body):
                try renderSection(resolve(path), body, into: &output)
            case .invertedSection(let path, let body):
                if !Self.isTruthy(resolve(path)) { try nested(body, into: &output) }
            case .partial(let name, let placement, let line):
                try include(name, placement, line: line, into: &output)
            case .parent(let name, let placement, let parentOverrides, let line):
                let outer = overrides
                let added = parentOverrides.mapValues { Override(nodes: $0, template: template) }
                overrides = outer.merging(added) { outer, _ in outer }
                try include(name, placement, line: line, into: &output)
                overrides = outer
            case .block(let name, let placement, let defaultNodes):
                try renderBlock(name, placement, defaultNodes, into: &output)
            }
        }
    }

    /// Renders `nodes` one level deeper.
    private mutating func nested(_ nodes: [TemplateNode], into output: inout String) throws {
        depth += 1
        defer { depth -= 1 }
        try render(nodes, into: &output)
    }

    /// A list repeats the section per element, `true` shows it, other values show it once with the value entered.
    private mutating func renderSection(_ value: TemplateValue?, _ body: [TemplateNode], into output: inout String)
        throws
    {
        switch value {
        case nil, .bool(false):
            return
        case .bool(true):
            try nested(body, into: &output)
        case .list(let elements):
            for element in elements {
                stack.append(element)
                try nested(body, into: &output)
                stack.removeLast()
            }
        case let value?:
            stack.append(value)
            try nested(body, into: &output)
            stack.removeLast()
        }
    }

    private mutating func include(
        _ name: String, _ placement: TemplatePlacement, line: Int, into output: inout String
    ) throws {
        guard let nodes = templates[name] else { return }
        guard depth < Self.depthLimit else {
            throw TemplateRecursionError(template: template, line: line, included: included + [template, name])
        }
        let outer = (indentation, template)
        switch placement {
        case .inline: indentation = ""
        case .indented(let more): indentation += more
        }
        template = name
        included.append(outer.1)
        try nested(nodes, into: &output)
        included.removeLast()
        (indentation, template) = outer
    }

    private mutating func renderBlock(
        _ name: String, _ placement: BlockPlacement, _ defaultNodes: [TemplateNode], into output: inout String
    ) throws {
        guard let override = overrides[name] else {
            if case .indented(let more) = placement {
                output += indentation
                output += more
            }
            try nested(defaultNodes, into: &output)
            return
        }
        let outer = (indentation, template)
        switch placement {
        case .inline: indentation = ""
        case .indented(let more), .ownLine(let more): indentation += more
        }
        template = override.template
        try nested(override.nodes, into: &output)
        (indentation, template) = outer
    }

    /// The value a tag names: `.` is the innermost value; the first key of a dotted name is looked up from the
    /// innermost value outwards, the rest inside what it found.
    private func resolve(_ path: ValuePath) -> TemplateValue? {
        guard case .keys(let keys) = path else { return stack.last }
        for frame in stack.reversed() {
            guard case .object(let values) = frame, var value = values[keys[0]] else { continue }
            for key in keys.dropFirst() {
                guard case .object(let inner) = value, let next = inner[key] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    private static func isTruthy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .bool(false): return false
        case .list(let elements): return !elements.isEmpty
        default: return true
        }
    }

    /// Text, numbers and booleans print; lists and objects have no text of their own.
    private static func write(_ value: TemplateValue, escaped: Bool, into output: inout String) {
        switch value {
        case .text(let text):
            output += escaped ? Escape.html(text) : text
        case .bool(let bool):
            output += bool ? "true" : "false"
        case .integer(let number):
            output += String(number)
        case .list, .object:
            break
        }
    }
}
