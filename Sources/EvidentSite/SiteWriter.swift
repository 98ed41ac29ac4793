import EvidentCore
import EvidentEvidence
import EvidentRendering
import EvidentSystem
import Foundation

/// The `write` step: pages are written into the staging folder as they are rendered (on every core), so a large
/// site never holds every page in memory; only the pages the feed carries are kept. `finish` adds the index, the
/// feed, the 404 page, the sitemap, the theme's assets and the evidence files; `publish` puts the new evidence and
/// the new output in place.
final class SiteWriter {
    private let output: AtomicOutput
    private let stagingPath: String
    private let context: PageContext
    private let templates: TemplateSet
    /// The position of each essay, newest first: the feed takes the first `feed_limit` of them.
    private let positions: [String: Int]
    private let feedLength: Int
    private let feedLock = NSLock()
    private var feedPages: [Int: PublishedPage] = [:]

    /// Opens the staging folder beside `destination` (checked by `OutputGuard`); `essays` are every published essay,
    /// newest first.
    init(destination: URL, context: PageContext, templates: TemplateSet, essays: [Essay]) throws {
        output = try AtomicOutput(destination: destination)
        stagingPath = output.staging.path
        self.context = context
        self.templates = templates
        positions = Dictionary(essays.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        feedLength = context.config.feedLimit > 0 ? context.config.feedLimit : essays.count
    }

    /// Renders an essay's page with `renderer` and writes it: the one place a page is written. Safe to call from
    /// several threads at once (each page is its own file).
    func publish(_ essay: ParsedEssay, with renderer: EssayRenderer) throws {
        let (page, html) = try renderer.render(essay)
        try OutputFile.write(path: "\(stagingPath)/\(page.slug)/index.html", contents: html)
        if let position = positions[page.slug], position < feedLength {
            feedLock.withLock { feedPages[position] = page }
        }
    }

    /// Writes the remaining files; `files` are extra files (evidence JSON and CSV) by path relative to the output.
    func finish(essays: [Essay], files: [String: Data]) throws {
        let root = output.staging
        let pages = essays.map { PublishedPage(essay: $0, content: "", toc: "") }
        let newest = essays.map(\.frontMatter.date).max() ?? context.buildTime
        let feed = feedPages.keys.sorted().compactMap { feedPages[$0] }
        // The site-wide files are independent of each other: made and written on every core.
        var siteFiles: [(path: String, make: () throws -> String)] = [
            ("feed.xml", { AtomFeed.xml(config: self.context.config, pages: feed, updated: newest) }),
            ("index.html", { try self.templates.render("index", self.context.index(pages)) }),
            ("404.html", { try self.templates.render("404", self.context.notFound()) }),
            ("sitemap.xml", { Sitemap.xml(config: self.context.config, pages: pages) }),
        ]
        // The page every evidence block links to, "How this was measured".
        let methodPage = { try MethodPage.html(context: self.context, templates: self.templates, date: newest) }
        if !files.isEmpty { siteFiles.append((MethodPage.path, methodPage)) }
        _ = try ParallelMap.map(siteFiles) {
            try OutputFile.write(path: "\(stagingPath)/\($0.path)", contents: try $0.make())
        }
        for (path, text) in templates.assets {
            try OutputFile.write(root.appendingPathComponent(path), contents: text)
        }
        for (path, data) in files {
            try OutputFile.write(root.appendingPathComponent(path), data: data)
        }
    }

    /// The commit, once every other step has succeeded. The new evidence goes in place first, then the output:
    /// - a failure while placing evidence puts back the files already placed; the output is untouched;
    /// - a failure to swap the output in puts every evidence file back: nothing changed;
    /// - a build killed between the two (the one window no order avoids: a few renames long, and a Ctrl-C waits
    ///   for it) leaves the new evidence with the old site, which the next build reuses, its key matching, and
    ///   publishes. The other order would leave a new site whose evidence is lost.
    /// The previous evidence bytes and the previous output are removed after both are in place.
    func publish(evidence: StagedEvidence) throws {
        try SignalCleanup.holdingSignals {
            try evidence.commit()
            do {
                try output.commit()
            } catch {
                evidence.rollBack()
                throw error
            }
        }
        evidence.finish()
        output.removeOld()
    }

    /// Removes the staging folder after a failed build; the previous output is untouched.
    func discard() {
        output.discard()
    }
}
