/// Renders compiled templates into one string: walks the node tree against a stack of values, with the partials
/// and parents of its library at hand, the blocks overridden by the parents being rendered, and the indentation
/// of the partial or block being written.
struct TemplateRenderer {
    private let templates: [String: [TemplateNode]]
    private var stack: [TemplateValue]
    /// The blocks that enclosing parent tags override; the outermost override of a name wins.
    private var overrides: [String: [TemplateNode]] = [:]
    /// Written at each line start of the template being rendered.
    private var indentation = ""

    init(templates: [String: [TemplateNode]], context: TemplateValue) {
        self.templates = templates
        self.stack = [context]
    }

    /// Appends the rendering of `nodes` to `output`.
    mutating func render(_ nodes: [TemplateNode], into output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .lineStart:
                output += indentation
            case .value(let path, let escaped):
                if let value = resolve(path) { Self.write(value, escaped: escaped, into: &output) }
            case .section(let path, let body):
                renderSection(resolve(path), body, into: &output)
            case .invertedSection(let path, let body):
                if !Self.isTruthy(resolve(path)) { render(body, into: &output) }
            case .partial(let name, let placement):
                include(name, placement, into: &output)
            case .parent(let name, let placement, let parentOverrides):
                let outer = overrides
                overrides = outer.isEmpty ? parentOverrides : outer.merging(parentOverrides) { outer, _ in outer }
                include(name, placement, into: &output)
                overrides = outer
            case .block(let name, let placement, let defaultNodes):
                renderBlock(name, placement, defaultNodes, into: &output)
            }
        }
    }

    /// A list repeats the section per element, `true` shows it, other values show it once with the value entered.
    private mutating func renderSection(_ value: TemplateValue?, _ body: [TemplateNode], into output: inout String) {
        switch value {
        case nil, .bool(false):
            return
        case .bool(true):
            render(body, into: &output)
        case .list(let elements):
            for element in elements {
                stack.append(element)
                render(body, into: &output)
                stack.removeLast()
            }
        case let value?:
            stack.append(value)
            render(body, into: &output)
            stack.removeLast()
        }
    }

    private mutating func include(_ name: String, _ placement: TemplatePlacement, into output: inout String) {
        guard let nodes = templates[name] else { return }
        let outer = indentation
        switch placement {
        case .inline: indentation = ""
        case .indented(let more): indentation += more
        }
        render(nodes, into: &output)
        indentation = outer
    }

    private mutating func renderBlock(
        _ name: String, _ placement: BlockPlacement, _ defaultNodes: [TemplateNode], into output: inout String
    ) {
        guard let override = overrides[name] else {
            if case .indented(let more) = placement {
                output += indentation
                output += more
            }
            render(defaultNodes, into: &output)
            return
        }
        let outer = indentation
        switch placement {
        case .inline: indentation = ""
        case .indented(let more), .ownLine(let more): indentation += more
        }
        render(override, into: &output)
        indentation = outer
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
            if escaped { HTMLEscape.append(text, to: &output) } else { output += text }
        case .bool(let bool):
            output += bool ? "true" : "false"
        case .integer(let number):
            output += String(number)
        case .list, .object:
            break
        }
    }
}
