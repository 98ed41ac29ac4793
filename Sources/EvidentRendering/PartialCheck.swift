import EvidentCore

/// Finds partial (`{{>name}}`) and parent (`{{<name}}`) tags that name no template, which Mustache would silently
/// render as nothing. It reads the compiled templates, so tags written with other delimiters (`{{=<% %>=}}` then
/// `<%>name%>`) count like any other, and tags inside comments do not.
enum PartialCheck {
    /// - Parameter files: where each template comes from, for errors.
    static func verify(_ templates: [String: [TemplateNode]], files: [String: String]) throws {
        for (name, nodes) in templates.sorted(by: { $0.key < $1.key }) {
            guard let (missing, line) = firstMissing(in: nodes, known: templates) else { continue }
            throw EvidentError(
                TemplateFailure.missingTemplate(missing), at: SourceLocation(file: files[name] ?? name, line: line))
        }
    }

    /// The first tag, by line, that names an unknown template, with its line.
    private static func firstMissing(
        in nodes: [TemplateNode], known: [String: [TemplateNode]]
    ) -> (name: String, line: Int)? {
        var missing: [(name: String, line: Int)] = []
        var pending = [nodes]
        while let next = pending.popLast() {
            for node in next {
                switch node {
                case .section(_, let body), .invertedSection(_, let body), .block(_, _, let body):
                    pending.append(body)
                case .partial(let name, _, let line):
                    if known[name] == nil { missing.append((name, line)) }
                case .parent(let name, _, let overrides, let line):
                    pending.append(contentsOf: overrides.values)
                    if known[name] == nil { missing.append((name, line)) }
                case .text, .lineStart, .value:
                    break
                }
            }
        }
        return missing.min { ($0.line, $0.name) < ($1.line, $1.name) }
    }
}
