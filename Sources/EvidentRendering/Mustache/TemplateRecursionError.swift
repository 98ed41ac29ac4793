/// A partial or parent included past `TemplateRenderer.depthLimit`: a template that includes itself, directly or
/// through others, with no section that ends the recursion (or data nested deeper than any page needs).
struct TemplateRecursionError: Error, Equatable {
    /// The template holding the tag that went too deep, and the tag's line in it.
    var template: String
    var line: Int
    /// The templates on the way to the tag, outermost first, ending with the one the tag names.
    var included: [String]

    var message: String {
        let name = included.last ?? template
        let previous = included.dropLast().lastIndex(of: name) ?? max(0, included.count - 1)
        let cycle = included[previous...].joined(separator: " → ")
        return "including `\(name)` here nests templates more than \(TemplateRenderer.depthLimit) deep (\(cycle))"
    }

    var fix: String {
        "a template that includes itself must do it inside a section that ends, such as "
            + "{{#children}}{{>partials/node}}{{/children}}; otherwise remove the include"
    }
}
