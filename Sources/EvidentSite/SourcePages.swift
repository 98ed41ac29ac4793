import EvidentCore
import EvidentEvidence
import EvidentRendering
import Foundation

/// The experiment sources every evidence block links to, published with the site: for each file a directive ran
/// (`ExperimentSources`), the raw file at `<slug>/<path>` and its page at `<slug>/<path>.html` (`SourcePage`), and
/// beside each experiment file the bundled helper it runs with, so that the published files run without evident.
struct SourcePages {
    var pages: [SourcePage]

    /// The sources of `judged`, each file once per essay with every directive that ran it. A file that cannot be
    /// read is an error at the directive: the block would link to nothing. Their paths were checked against the
    /// rest of the output before anything was measured (`ReservedPaths.checkSources`). `siteFolder` tells whether
    /// the site's repository ships the helpers, for the commands that run a cell by hand.
    static func collect(_ judged: [JudgedDirective], siteFolder: URL) throws -> SourcePages {
        let helpers = BundledHelpers.shipped(in: siteFolder)
        var pages: [SourcePage] = []
        var index: [String: Int] = [:]
        for directive in judged {
            let entry = directive.entry
            let essay = entry.essay.parsed.source
            for path in entry.directive.sources {
                let key = "\(essay.slug)/\(path)"
                let handRun = Self.handRun(of: path, in: entry, helpers: helpers)
                if let found = index[key] {
                    pages[found].directives.append(entry.directive.id)
                    pages[found].handRuns[entry.directive.id] = handRun
                    if handRun != nil { pages[found].helper = BundledHelpers.name(forExperiment: path) }
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
                var page = SourcePage(
                    path: path, text: String(decoding: bytes, as: UTF8.self), essay: essay,
                    directives: [entry.directive.id])
                page.handRuns[entry.directive.id] = handRun
                if handRun != nil { page.helper = BundledHelpers.name(forExperiment: path) }
                pages.append(page)
            }
        }
        return SourcePages(pages: pages)
    }

    /// The first cell of `entry`'s directive, run by hand, when `path` is one of its experiment files.
    private static func handRun(of path: String, in entry: EvidencePlan.Entry, helpers: String?) -> HandRun? {
        guard case .bench(let bench) = entry.directive.definition,
            let variant = bench.fileVariants.first(where: { $0.path == path })
        else { return nil }
        let cell = bench.cells.first ?? [:]
        return HandRun(
            essayFolder: "content/\(entry.essay.slug)", path: path, helpers: helpers,
            variant: variant.nameInFile, params: bench.params.map { ($0.name, cell[$0.name] ?? $0.values[0]) })
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
        // A helper beside each experiment, unless the essay publishes its own copy there.
        for page in pages {
            guard let helper = page.helper, let text = BundledHelpers.text(helper) else { continue }
            let folder = (page.path as NSString).deletingLastPathComponent
            let path = "\(page.essay.slug)/" + (folder.isEmpty ? helper : "\(folder)/\(helper)")
            if files[path] == nil { files[path] = Data(text.utf8) }
        }
        return files
    }
}
