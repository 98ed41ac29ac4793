/// The table of contents of an essay with three or more headings (below the title).
enum TableOfContents {
    static func html(_ headings: [MarkdownHeading], templates: TemplateSet) throws -> String {
        let sections = headings.filter { $0.level >= 2 && $0.level <= 4 }
        guard sections.count >= 3 else { return "" }
        let items = sections.map {
            ["level": .integer($0.level), "text": .text($0.text), "id": .text($0.id)] as TemplateValue
        }
        return try templates.render("partials/toc", ["headings": .list(items)])
    }
}
