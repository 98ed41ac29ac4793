import EvidentCore
import EvidentEvidence
import EvidentRendering
import EvidentSystem
import Foundation

/// The `write` step: pages are written into the staging folder as they are rendered (on every core), so a large
/// site never holds every page in memory; of the pages the feeds carry, only their feed entries are kept. `finish` adds the index, the
/// feed, the 404 page, the sitemap, the tag pages and feeds, the theme's assets, the evidence files and the page
/// bundles; `publish` puts the new evidence and the new output in place.
final class SiteWriter {
    private let output: AtomicOutput
    private let context: PageContext
    private let templates: TemplateSet
    private let tags: SiteTags
    /// How many of the newest essays each feed carries (`feed_limit`).
    private let feedLength: Int
    /// The essays some feed carries, by slug: their feed entries are kept.
    private let inFeeds: Set<String>
    private let feedEntries: FeedEntries

    /// Opens the staging folder beside `destination` (checked by `OutputGuard`); `essays` are every published essay,
    /// newest first, and `tags` their tags.
    init(destination: URL, context: PageContext, templates: TemplateSet, essays: [Essay], tags: SiteTags) throws {
        output = try AtomicOutput(destination: destination)
        self.context = context
        self.templates = templates
        self.tags = tags
        feedLength = context.config.feedLimit > 0 ? context.config.feedLimit : essays.count
        inFeeds = TagFiles.essaysInFeeds(essays, tags: tags, feedLength: feedLength)
        do {
            feedEntries = try FeedEntries(in: output.staging.path)
        } catch {
            output.discard()
            throw error
        }
    }

    /// Renders an essay's page with `renderer` and writes it: the one place a page is written. Safe to call from
    /// several threads at once (each page is its own file).
    func publish(_ essay: ParsedEssay, with renderer: EssayRenderer) throws {
        let (page, html) = try renderer.render(essay)
        try output.write("\(page.slug)/index.html", contents: html)
        if inFeeds.contains(page.slug) {
            try feedEntries.add(AtomFeed.entry(page, config: context.config), for: page.slug)
        }
    }

    /// Writes the remaining files; `files` are extra files (evidence JSON and CSV) by path relative to the output,
    /// `bundles` the files published beside the pages.
    func finish(essays: [Essay], files: [String: Data], bundles: PageBundles) throws {
        let pages = essays.map { PublishedPage(listing: $0) }
        let newest = essays.map(\.frontMatter.date).max() ?? context.buildTime
        let config = context.config
        let entries = feedEntries
        let feed = essays.prefix(feedLength)
        // The site-wide files are independent of each other: made and written on every core.
        var siteFiles: [TagFiles.File] = [
            (
                "feed.xml",
                {
                    try AtomFeed.xml(
                        config: config, channel: .site(config), entries: entries, slugs: feed.map(\.slug),
                        updated: newest)
                }
            ),
            ("index.html", { try self.templates.render("index", self.context.index(pages)) }),
            ("404.html", { try self.templates.render("404", self.context.notFound()) }),
            ("sitemap.xml", { Sitemap.xml(config: config, pages: pages, tags: self.tags) }),
        ]
        siteFiles += TagFiles.files(
            tags, context: context, templates: templates, feedLength: feedLength, entries: entries)
        // The page every evidence block links to, "How this was measured".
        let methodPage = { try MethodPage.html(context: self.context, templates: self.templates, date: newest) }
        if !files.isEmpty { siteFiles.append((MethodPage.path, methodPage)) }
        _ = try ParallelMap.map(siteFiles) { file in
            let contents = try file.make()
            try output.write(file.path, contents: contents)
        }
        _ = try ParallelMap.map(Array(templates.assets) + Array(files)) { try output.write($0, data: $1) }
        try bundles.write(into: output)
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
