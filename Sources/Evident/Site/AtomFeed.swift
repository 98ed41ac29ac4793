import Foundation

/// The site's Atom feed, `feed.xml`: every published essay, newest first, with absolute URLs.
///
/// The feed carries every page's whole content, escaped: on a large site it is the biggest file of the build,
/// so `write(to:)` streams it entry by entry instead of holding it in memory (or twice, as a String and Data).
enum AtomFeed {
    static func xml(config: SiteConfig, pages: [PublishedPage], buildTime: Date) -> String {
        var xml = header(config: config, pages: pages, buildTime: buildTime)
        for page in pages {
            xml += entry(page, config: config)
        }
        return xml + footer
    }

    /// Writes the same bytes as `xml` to `url`, one entry at a time.
    static func write(to url: URL, config: SiteConfig, pages: [PublishedPage], buildTime: Date) throws {
        try OutputFile.write(url, contents: header(config: config, pages: pages, buildTime: buildTime))
        do {
            let file = try FileHandle(forWritingTo: url)
            defer { try? file.close() }
            try file.seekToEnd()
            for page in pages {
                try file.write(contentsOf: Data(entry(page, config: config).utf8))
            }
            try file.write(contentsOf: Data(footer.utf8))
        } catch {
            throw EvidentError(
                .io, at: SourceLocation(file: url.path), "cannot write the file: \(error.localizedDescription)",
                fix: "check the folder's permissions and free space")
        }
    }

    private static func header(config: SiteConfig, pages: [PublishedPage], buildTime: Date) -> String {
        let updated = PublicationDate.iso8601(pages.map(\.date).max() ?? buildTime)
        return """
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
            <content type="html">\(Escape.html(page.content))</content>
            </entry>

            """
    }

    private static let footer = "</feed>\n"
}
