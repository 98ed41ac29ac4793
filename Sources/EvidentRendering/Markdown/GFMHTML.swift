import EvidentCore

/// The HTML of the GFM extensions' nodes, as cmark-gfm writes it except where the docs' Markdown page lists a
/// difference: table cells aligned by a style (the `align` attribute is obsolete in HTML5), footnote ids by number,
/// back-links and task checkboxes labelled for screen readers, and each table in a labelled region that scrolls sideways on its own.
enum GFMHTML {
    /// The tags around a block node's children.
    static func blockTags(_ kind: MarkdownNode.Kind) -> (open: String, close: String) {
        switch kind {
        case .footnotes:
            return ("<section class=\"footnotes\" data-footnotes aria-label=\"Footnotes\">\n<ol>", "</ol>\n</section>")
        case .footnoteDefinition(let number, _):
            return ("<li id=\"fn-\(number)\">", "</li>")
        case .tableRow:
            return ("<tr>", "</tr>")
        default:
            return ("<table>", "</table>")
        }
    }

    /// A table in its scrolling region; `number` counts the page's tables from 1 for the region's name.
    static func table(number: Int) -> (open: String, close: String) {
        (
            "<div class=\"table-wrap markdown-table\" tabindex=\"0\" role=\"region\" aria-label=\"Table \(number)\">\n<table>",
            "</table>\n</div>"
        )
    }

    /// A row's tags, with the `<thead>` or `<tbody>` it opens or closes.
    static func row(isHeader: Bool, isFirstBody: Bool, isLast: Bool) -> (open: String, close: String) {
        if isHeader { return ("<thead>\n<tr>", "</tr>\n</thead>") }
        return (isFirstBody ? "<tbody>\n<tr>" : "<tr>", isLast ? "</tr>\n</tbody>" : "</tr>")
    }

    static func cellOpen(_ alignment: MarkdownTableAlignment, isHeader: Bool) -> String {
        let tag = isHeader ? "<th" : "<td"
        switch alignment {
        case .none: return tag + ">"
        case .left: return tag + " style=\"text-align: left\">"
        case .center: return tag + " style=\"text-align: center\">"
        case .right: return tag + " style=\"text-align: right\">"
        }
    }

    /// A task's checkbox, named for screen readers ("Done" or "Not done"), which find no `<label>` for it.
    static func checkbox(isChecked: Bool) -> String {
        isChecked
            ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />"
            : "<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" />"
    }

    /// The id of a reference: `fnref-1` for the first to footnote 1, `fnref-1-2` for the second.
    static func referenceID(_ number: Int, _ occurrence: Int) -> String {
        occurrence == 1 ? "fnref-\(number)" : "fnref-\(number)-\(occurrence)"
    }

    static func reference(_ number: Int, _ occurrence: Int) -> String {
        "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(referenceID(number, occurrence))\" data-footnote-ref>"
            + "\(number)</a></sup>"
    }

    /// The links from a footnote back to each reference to it.
    static func backReferences(_ number: Int, count: Int) -> String {
        (1...max(1, count)).map { occurrence in
            let id = referenceID(number, occurrence)
            let mark = occurrence == 1 ? "↩" : "↩<sup class=\"footnote-ref\">\(occurrence)</sup>"
            return " <a href=\"#\(id)\" class=\"footnote-backref\" data-footnote-backref"
                + " aria-label=\"Back to reference \(occurrence == 1 ? "\(number)" : "\(number)-\(occurrence)")\">\(mark)</a>"
        }.joined()
    }

    /// The ids the footnotes take on a page, which headings must not take.
    static func ids(in document: MarkdownDocument) -> Set<String> {
        var ids: Set<String> = []
        for node in document.nodes {
            switch node.kind {
            case .footnoteReference(let number, let occurrence): ids.insert(referenceID(number, occurrence))
            case .footnoteDefinition(let number, _): ids.insert("fn-\(number)")
            default: continue
            }
        }
        return ids
    }
}
