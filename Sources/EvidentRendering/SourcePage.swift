import EvidentCore
import EvidentEvidence
import Foundation

/// The page of a published experiment source, `<slug>/<path>.html` beside the raw file `<slug>/<path>`: the file
/// highlighted, the evidence blocks it produced, and how to run it again from a clone of the site. Rendered with
/// the `source` template (which a site may override).
package struct SourcePage {
    /// The source's path inside the essay folder, such as `experiments/await_loop.py`.
    package var path: String
    package var text: String
    /// The essay it belongs to.
    package var essay: Essay
    /// The ids of the directives that ran it, in essay order.
    package var directives: [String]
    /// For each directive that runs this file as an experiment, by id: its first cell, run by hand.
    package var handRuns: [String: HandRun] = [:]
    /// The bundled helper published beside the file (`evident_bench.py`...), when it is an experiment.
    package var helper: String?

    package init(path: String, text: String, essay: Essay, directives: [String]) {
        self.path = path
        self.text = text
        self.essay = essay
        self.directives = directives
    }

    /// The page's path relative to the essay's page.
    package static func path(of source: String) -> String { source + ".html" }

    /// The code block to highlight: its language from the file's extension.
    package var code: CodeSample {
        CodeSample(language: Self.language(of: path), code: text)
    }

    /// The highlighting language of a file, from its extension.
    static func language(of path: String) -> String {
        let languages = ["py": "python", "ipy": "python", "swift": "swift", "js": "javascript", "mjs": "javascript"]
        return languages[(path as NSString).pathExtension] ?? "text"
    }

    /// The id of a line's number on the page, `L12`, which an include links to.
    static func lineID(_ line: Int) -> String { "L\(line)" }

    /// The code with a column of line numbers beside it, each with its `lineID`; the numbers are hidden from screen
    /// readers, which read the code alone. The two scroll sideways together, in a region the keyboard can reach.
    static func numbered(_ code: String, lineCount: Int, path: String) -> String {
        let numbers = (1...max(lineCount, 1)).map { #"<span id="\#(lineID($0))">\#($0)</span>"# }
        return #"<div class="source-code" role="region" aria-label="\#(Escape.html(path))" tabindex="0">"#
            + #"<pre class="line-numbers" aria-hidden="true">"# + numbers.joined(separator: "\n") + "</pre>" + code
            + "</div>\n"
    }

    /// The page's HTML, with `highlights` (escaped plain text when the language has no highlighting).
    package func html(context: PageContext, templates: TemplateSet, highlights: HighlightedCode) throws -> String {
        let depth = path.split(separator: "/").count
        let back = String(repeating: "../", count: depth - 1)
        let plain =
            highlights.html(language: Substring(code.language), code: text)
            ?? "<pre><code>\(Escape.html(text))</code></pre>\n"
        let lineCount =
            text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
        let code = Self.numbered(plain, lineCount: lineCount, path: path)
        var page: [String: TemplateValue] = [
            "title": .text(path), "path": .text(path), "raw": .text((path as NSString).lastPathComponent),
            "code_html": .text(code), "essay_title": .text(essay.frontMatter.title), "essay_path": .text(back),
            "essay_folder": .text("content/\(essay.slug)"),
            "directives": .list(
                directives.map { ["id": .text($0), "href": .text("\(back)#\($0)")] }),
            "hand_runs": .list(
                directives.compactMap { id in
                    handRuns[id].map {
                        ["id": .text(id), "href": .text("\(back)#\(id)"), "command": .text($0.command)]
                    }
                }),
        ]
        if let helper {
            page["helper"] = .text(helper)
            page["helper_in_repository"] = .bool(handRuns.values.contains { $0.helpers != nil })
        }
        return try templates.render(
            "source",
            [
                "site": context.site(root: String(repeating: "../", count: depth)), "page": .object(page),
                "build": context.build,
            ])
    }
}
