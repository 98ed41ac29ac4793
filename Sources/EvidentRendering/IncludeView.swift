import EvidentCore
import EvidentEvidence

/// An `include` block on the page: the included lines, highlighted like any code block, under a caption that links
/// to those lines on the published source page and to the evidence that ran them.
///
/// `<figure class="excerpt"><figcaption><a href="experiments/x.py.html#L12"><code>experiments/x.py</code>, lines
/// 12–20</a>, as measured in <a href="#sleeps">sleeps</a></figcaption><pre class="highlight">…</pre></figure>`
enum IncludeView {
    /// The code to highlight, in one batch with the rest of the site's code.
    static func sample(_ include: CodeInclude) -> CodeSample {
        CodeSample(language: SourcePage.language(of: include.path), code: include.text)
    }

    /// The figure's HTML; the code stays plain and escaped when it has no highlighting.
    static func html(_ include: CodeInclude, highlights: HighlightedCode) -> String {
        let sample = sample(include)
        let code =
            highlights.html(language: Substring(sample.language), code: sample.code)
            ?? "<pre><code>\(Escape.html(include.text))</code></pre>\n"
        let lines =
            include.lines.count == 1
            ? "line \(include.lines.lowerBound)" : "lines \(include.lines.lowerBound)–\(include.lines.upperBound)"
        let href = SourcePage.path(of: include.path) + "#" + SourcePage.lineID(include.lines.lowerBound)
        let measured = include.directives.map { ##"<a href="#\##(Escape.html($0))">\##(Escape.html($0))</a>"## }
            .joined(separator: ", ")
        // The code scrolls sideways in a region the keyboard can reach, named like the caption.
        let region = Escape.html("\(include.path), \(lines)")
        return #"<figure class="excerpt"><figcaption><a href="\#(Escape.html(href))"><code>"#
            + "\(Escape.html(include.path))</code>, \(lines)</a>, as measured in \(measured)</figcaption>\n"
            + #"<div class="excerpt-code" role="region" aria-label="\#(region)" tabindex="0">"# + code
            + "</div></figure>\n"
    }
}
