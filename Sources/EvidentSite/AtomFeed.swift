import EvidentCore
import EvidentRendering
import Foundation

/// The site's Atom feed, `feed.xml`: the newest published essays (`feed_limit`), newest first, with absolute URLs
/// and their whole content, escaped; each content's `xml:base` is its essay's URL, so that a reader resolves its
/// relative links (`await-loop.csv`, `#await-loop`) against the essay, not the feed.
enum AtomFeed {
    /// The feed of `pages` (the newest essays, newest first); `updated` is the newest essay's date.
    static func xml(config: SiteConfig, pages: [PublishedPage], updated: Date) -> String {
        var xml = header(config: config, updated: updated)
        for page in pages { xml += entry(page, config: config) }
        return xml + footer
    }

    private static func header(config: SiteConfig, updated: Date) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.html(config.language))">
        <title>\(Escape.html(config.title))</title>
        <link href="\(Escape.html(config.baseURL))"/>
        <link rel="self" href="\(Escape.html(config.baseURL))feed.xml"/>
        <id>\(Escape.html(config.baseURL))</id>
        <updated>\(PublicationDate.iso8601(updated))</updated>
        <author><name>\(Escape.html(config.author.isEmpty ? config.title : config.author))</name></author>
        <generator>evident</generator>

        """
    }

    private static func entry(_ page: PublishedPage, config: SiteConfig) -> String {
        let url = Escape.html(page.url(baseURL: config.baseURL))
        return """
            <entry>
            <title>\(Escape.html(page.title))</title>
            <link href="\(url)"/>
            <id>\(url)</id>
            <published>\(PublicationDate.iso8601(page.date))</published>
            <updated>\(PublicationDate.iso8601(page.date))</updated>
            <summary>\(Escape.html(page.essay.frontMatter.summary))</summary>
            <content type="html" xml:base="\(url)">\(Escape.html(page.content))</content>
            </entry>

            """
    }

    private static let footer = "</feed>\n"
}
