import EvidentCore
import EvidentRendering
import Foundation

/// An Atom feed: the site's `feed.xml`, or a tag's `tags/<slug>/feed.xml`. It carries the newest essays
/// (`feed_limit`), newest first, with absolute URLs and their whole content, escaped; each content's `xml:base` is
/// its essay's URL, so that a reader resolves its relative links (`await-loop.csv`, `#await-loop`) against the
/// essay, not the feed.
enum AtomFeed {
    /// What a feed stands for: its title, the page it follows and its own path from the output root.
    struct Channel {
        var title: String
        /// The absolute URL of the page the feed follows (the index, a tag's page); also the feed's id.
        var page: String
        var path: String

        /// The site's own feed, of every essay.
        static func site(_ config: SiteConfig) -> Channel {
            Channel(title: config.title, page: config.baseURL, path: "feed.xml")
        }
    }

    /// The feed of the essays `slugs` (the newest, newest first), their entries (from `entry(_:config:)`) taken from
    /// `entries`; `updated` is the newest essay's date.
    static func xml(
        config: SiteConfig, channel: Channel, entries: FeedEntries, slugs: some Sequence<String>, updated: Date
    ) throws -> [UInt8] {
        try entries.feed(
            header: header(config: config, channel: channel, updated: updated), slugs: slugs, footer: footer)
    }

    private static func header(config: SiteConfig, channel: Channel, updated: Date) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.html(config.language))">
        <title>\(Escape.html(channel.title))</title>
        <link href="\(Escape.html(channel.page))"/>
        <link rel="self" href="\(Escape.html(config.baseURL + channel.path))"/>
        <id>\(Escape.html(channel.page))</id>
        <updated>\(PublicationDate.iso8601(updated))</updated>
        <author><name>\(Escape.html(config.author.isEmpty ? config.title : config.author))</name></author>
        <generator>evident</generator>

        """
    }

    /// The entry of `page`, the same in every feed that carries it: made once per essay, since its content is the
    /// whole page, escaped straight into the entry's bytes.
    static func entry(_ page: PublishedPage, config: SiteConfig) -> [UInt8] {
        let url = Escape.html(page.url(baseURL: config.baseURL))
        var entry = Array(
            """
            <entry>
            <title>\(Escape.html(page.title))</title>
            <link href="\(url)"/>
            <id>\(url)</id>
            <published>\(PublicationDate.iso8601(page.date))</published>
            <updated>\(PublicationDate.iso8601(page.date))</updated>
            <summary>\(Escape.html(page.essay.frontMatter.summary))</summary>
            <content type="html" xml:base="\(url)">
            """.utf8)
        Escape.appendHTML(page.content, to: &entry)
        entry += "</content>\n</entry>\n".utf8
        return entry
    }

    private static let footer = "</feed>\n"
}
