import Foundation

/// The site's Atom feed, `feed.xml`: every published essay, newest first, with absolute URLs.
enum AtomFeed {
    static func xml(config: SiteConfig, pages: [PublishedPage], buildTime: Date) -> String {
        let updated = PublicationDate.iso8601(pages.map(\.date).max() ?? buildTime)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.html(config.language))">
            <title>\(Escape.html(config.title))</title>
            <link href="\(Escape.html(config.baseURL))"/>
            <link rel="self" href="\(Escape.html(config.baseURL))feed.xml"/>
            <id>\(Escape.html(config.baseURL))</id>
            <updated>\(updated)</updated>
            <author><name>\(Escape.html(config.author.isEmpty ? config.title : config.author))</name></author>
            <generator>evident</generator>

            """
        for page in pages {
            let url = Escape.html(page.url(baseURL: config.baseURL))
            xml += """
                <entry>
                <title>\(Escape.html(page.title))</title>
                <link href="\(url)"/>
                <id>\(url)</id>
                <published>\(PublicationDate.iso8601(page.date))</published>
                <updated>\(PublicationDate.iso8601(page.date))</updated>
                <summary>\(Escape.html(page.essay.frontMatter.summary))</summary>
                <content type="html">\(Escape.html(page.content))</content>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }
}
