import EvidentCore
import EvidentEvidence
import EvidentRendering
import Foundation

/// The experiment sources every evidence block links to, published with the site: for each file a directive ran
/// (`ExperimentSources`), the raw file at `<slug>/<path>` and its page at `<slug>/<path>.html` (`SourcePage`).
struct SourcePages {
    var pages: [SourcePage]

    /// The sources of `judged`, each file once per essay with every directive that ran it. A file that cannot be
    /// read is an error at the directive: the block would link to nothing. Their paths were checked against the
    /// rest of the output before anything was measured (`ReservedPaths.checkSources`).
    static func collect(_ judged: [JudgedDirective]) throws -> SourcePages {
        var pages: [SourcePage] = []
        var index: [String: Int] = [:]
        for directive in judged {
            let entry = directive.entry
            let essay = entry.essay.parsed.source
            for path in entry.directive.sources {
                let key = "\(essay.slug)/\(path)"
                if let found = index[key] {
                    pages[found].directives.append(entry.directive.id)
                    continue
                }
                let location = entry.directive.location
                guard let bytes = try UserFile.read(entry.essay.folder.appendingPathComponent(path).path, at: location)
                else {
                    throw EvidentError(
                        .input, at: location, "cannot read `\(path)` to publish it beside the page",
                        fix: "check that the file exists in the essay folder and is readable")
                }
                index[key] = pages.count
                pages.append(
                    SourcePage(
                        path: path, text: String(decoding: bytes, as: UTF8.self), essay: essay,
                        directives: [entry.directive.id]))
            }
        }
        return SourcePages(pages: pages)
    }

    /// The code to highlight, in one batch with the essays' code.
    var code: [CodeSample] { pages.map(\.code) }

    /// The files to write, by path relative to the output: each raw file and its page.
    func files(context: PageContext, templates: TemplateSet, highlights: HighlightedCode) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for page in pages {
            let path = "\(page.essay.slug)/\(page.path)"
            files[path] = Data(page.text.utf8)
            files[SourcePage.path(of: path)] = Data(
                try page.html(context: context, templates: templates, highlights: highlights).utf8)
        }
        return files
    }
}
