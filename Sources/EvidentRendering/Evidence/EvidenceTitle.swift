/// The title of an evidence block is a heading one level below the heading the block sits under, so that the
/// page's outline never skips a level (an `h3` right under the page's `h1` would): the block is rendered with
/// `<h3 class="evidence-title">` and re-levelled where it is placed.
enum EvidenceTitle {
    static let rendered = (open: #"<h3 class="evidence-title">"#, close: "</h3>")

    /// `html` with its evidence title at level `under + 1` (at most 6); HTML without one is returned unchanged.
    static func heading(_ html: String, under level: Int) -> String {
        let wanted = min(level + 1, 6)
        guard wanted != 3, let open = html.range(of: rendered.open),
            let close = html.range(of: rendered.close, range: open.upperBound..<html.endIndex)
        else { return html }
        var html = html
        html.replaceSubrange(close, with: "</h\(wanted)>")
        html.replaceSubrange(open, with: #"<h\#(wanted) class="evidence-title">"#)
        return html
    }
}
