import Foundation

/// The `write` step: every page, the feed, the sitemap, the 404 page, the theme's assets and the evidence files,
/// into a staging folder swapped in at the end.
struct SiteWriter {
    var options: BuildOptions
    var context: PageContext
    var templates: TemplateSet

    /// Writes the site; `files` are extra files (evidence JSON and CSV) by path relative to the output.
    func write(_ rendered: [(page: PublishedPage, html: String)], files: [String: Data]) throws {
        let output = try AtomicOutput(destination: options.output)
        do {
            let root = output.staging
            let pages = rendered.map(\.page)
            for (page, html) in rendered {
                try OutputFile.write(root.appendingPathComponent("\(page.slug)/index.html"), contents: html)
            }
            try OutputFile.write(
                root.appendingPathComponent("index.html"), contents: templates.render("index", context.index(pages)))
            try OutputFile.write(
                root.appendingPathComponent("404.html"), contents: templates.render("404", context.notFound()))
            try AtomFeed.write(
                to: root.appendingPathComponent("feed.xml"), config: context.config, pages: pages,
                buildTime: context.buildTime)
            try OutputFile.write(
                root.appendingPathComponent("sitemap.xml"), contents: Sitemap.xml(config: context.config, pages: pages))
            for (path, text) in templates.assets {
                try OutputFile.write(root.appendingPathComponent(path), contents: text)
            }
            for (path, data) in files {
                try OutputFile.write(root.appendingPathComponent(path), data: data)
            }
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }
}
