import Foundation

/// The `write` step, streamed: pages are written into the staging folder as they are rendered (on every core)
/// and their feed entries a batch at a time, so a large site never holds every page in memory; `finish` adds the index, the
/// 404 page, the sitemap, the theme's assets and the evidence files, and swaps the new output in.
final class SiteWriter {
    private let output: AtomicOutput
    private let context: PageContext
    private let templates: TemplateSet
    private let feed: AtomFeed.Writer

    /// Opens the staging folder; `essays` are every published essay, newest first (for the feed's date).
    init(options: BuildOptions, context: PageContext, templates: TemplateSet, essays: [Essay]) throws {
        output = try AtomicOutput(destination: options.output)
        self.context = context
        self.templates = templates
        do {
            feed = try AtomFeed.Writer(
                url: output.staging.appendingPathComponent("feed.xml"), config: context.config,
                newest: essays.map(\.frontMatter.date).max() ?? context.buildTime)
        } catch {
            output.discard()
            throw error
        }
    }

    /// Writes a rendered page; safe to call from several threads at once (each page is its own file).
    func write(_ page: PublishedPage, html: String) throws {
        try OutputFile.write(output.staging.appendingPathComponent("\(page.slug)/index.html"), contents: html)
    }

    /// Appends the feed entries of written pages, in order.
    func added(_ pages: [PublishedPage]) throws {
        for page in pages { try feed.add(page) }
    }

    /// Writes the remaining files and swaps the output in; `files` are extra files (evidence JSON and CSV) by path
    /// relative to the output.
    func finish(essays: [Essay], files: [String: Data]) throws {
        let root = output.staging
        let pages = essays.map { PublishedPage(essay: $0, content: "", toc: "") }
        try feed.finish()
        try OutputFile.write(
            root.appendingPathComponent("index.html"), contents: templates.render("index", context.index(pages)))
        try OutputFile.write(
            root.appendingPathComponent("404.html"), contents: templates.render("404", context.notFound()))
        try OutputFile.write(
            root.appendingPathComponent("sitemap.xml"), contents: Sitemap.xml(config: context.config, pages: pages))
        for (path, text) in templates.assets {
            try OutputFile.write(root.appendingPathComponent(path), contents: text)
        }
        for (path, data) in files {
            try OutputFile.write(root.appendingPathComponent(path), data: data)
        }
        try output.commit()
    }

    /// Removes the staging folder after a failed build; the previous output is untouched.
    func discard() {
        feed.close()
        output.discard()
    }
}
