import Foundation

/// Finds `{{>name}}` and `{{<name}}` tags that name no template, which Mustache would silently render as nothing.
enum PartialCheck {
    static func verify(sources: [String: TemplateSource], known: Set<String>) throws {
        for (path, source) in sources.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            for (line, number) in zip(source.text.split(separator: "\n", omittingEmptySubsequences: false), 1...) {
                for name in referencedTemplates(in: line) where !known.contains(name + ".mustache") {
                    throw EvidentError(
                        .input, at: SourceLocation(file: source.displayName(path), line: number),
                        "the template refers to `\(name)`, which does not exist",
                        fix: "add templates/\(name).mustache or correct the name")
                }
            }
        }
    }

    /// The names in `{{> name}}` and `{{< name}}` tags of one line.
    static func referencedTemplates(in line: Substring) -> [String] {
        var names: [String] = []
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let sigil = tag.first, sigil == ">" || sigil == "<" {
                names.append(tag.dropFirst().trimmingCharacters(in: .whitespaces))
            }
            rest = rest[close.upperBound...]
        }
        return names
    }
}
