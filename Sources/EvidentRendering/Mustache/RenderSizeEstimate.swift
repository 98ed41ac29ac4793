/// About how many bytes a rendering takes, so that its output is allocated once: the text of the template and of
/// the templates it includes, plus the text of the values it receives.
enum RenderSizeEstimate {
    /// For each template, the bytes of its text and of the partials and parents it includes, each counted once.
    static func templateSizes(_ templates: [String: [TemplateNode]]) -> [String: Int] {
        templates.mapValues { nodes in
            var seen: Set<String> = []
            var pending = [nodes]
            var size = 0
            while let next = pending.popLast() {
                for node in next {
                    switch node {
                    case .text(let text): size += text.utf8.count
                    case .section(_, let body), .invertedSection(_, let body): pending.append(body)
                    case .block(_, _, let body): pending.append(body)
                    case .partial(let name, _, _):
                        if seen.insert(name).inserted, let included = templates[name] { pending.append(included) }
                    case .parent(let name, _, let overrides, _):
                        pending.append(contentsOf: overrides.values)
                        if seen.insert(name).inserted, let included = templates[name] { pending.append(included) }
                    case .lineStart, .value: break
                    }
                }
            }
            return size
        }
    }

    /// The bytes of the texts in `value`.
    static func textSize(_ value: TemplateValue) -> Int {
        switch value {
        case .text(let text): return text.utf8.count
        case .bool, .integer: return 8
        case .list(let elements): return elements.reduce(0) { $0 + textSize($1) }
        case .object(let values): return values.values.reduce(0) { $0 + textSize($1) }
        }
    }
}
