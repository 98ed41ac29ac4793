import EvidentCore
import EvidentRendering
import Foundation

/// The files of the tags (Hugo's and Zola's taxonomies): `tags/index.html` lists every tag, and each tag has its page
/// `tags/<slug>/index.html` (its essays, newest first) and its own Atom feed, `tags/<slug>/feed.xml`. The pages use
/// the `tags` and `tag` templates, which a site may override like any other. A site without tags gets none.
enum TagFiles {
    /// A file to write: its path from the output root and how to make it.
    typealias File = (path: String, make: () throws -> any OutputContents)
    /// The folder of the tag pages, at the top of the output.
    static let folder = "tags"

    /// The files of `tags`; the feeds take their essays' entries from `entries` (an essay without one is left out),
    /// and a feed carries the newest `feedLength` essays of its tag.
    static func files(
        _ tags: SiteTags, context: PageContext, templates: TemplateSet, feedLength: Int, entries: FeedEntries
    ) -> [File] {
        guard !tags.tags.isEmpty else { return [] }
        var files: [File] = [("\(folder)/index.html", { try templates.render("tags", context.tagIndex(tags)) })]
        for tag in tags.tags {
            let tagFolder = "\(folder)/\(tag.slug.text)"
            files.append(("\(tagFolder)/index.html", { try templates.render("tag", context.tagPage(tag)) }))
            let channel = AtomFeed.Channel(
                title: "\(context.config.title): \(tag.name)",
                page: "\(context.config.baseURL)tags/\(tag.slug.urlPath)/",
                path: "tags/\(tag.slug.urlPath)/feed.xml")
            files.append(
                (
                    "\(tagFolder)/feed.xml",
                    {
                        try AtomFeed.xml(
                            config: context.config, channel: channel, entries: entries,
                            slugs: tag.essays.prefix(feedLength).map(\.slug), updated: tag.essays[0].frontMatter.date)
                    }
                ))
        }
        return files
    }

    /// The essays some feed carries: the newest `feedLength` of the site and of each tag.
    static func essaysInFeeds(_ essays: [Essay], tags: SiteTags, feedLength: Int) -> Set<String> {
        var slugs = Set(essays.prefix(feedLength).map(\.slug))
        for tag in tags.tags { slugs.formUnion(tag.essays.prefix(feedLength).map(\.slug)) }
        return slugs
    }
}
