import Foundation

/// The site's Atom feed, `feed.xml`: the newest published essays (`feed_limit`), newest first, with absolute URLs
/// and their whole content, escaped. Entries are written one by one as pages are rendered instead of being held
/// in memory.
enum AtomFeed {
    /// Writes the feed to a file: the header at once, an entry per `add`, the footer at `finish`.
    final class Writer {
        private let url: URL
        private let config: SiteConfig
        private var file: FileHandle?
        /// Entries still to write (`feed_limit`; nil: no limit).
        private var remaining: Int?

        init(url: URL, config: SiteConfig, newest: Date) throws {
            self.url = url
            self.config = config
            remaining = config.feedLimit > 0 ? config.feedLimit : nil
            try OutputFile.write(url, contents: AtomFeed.header(config: config, updated: newest))
            file = try attempt { try FileHandle(forWritingTo: url) }
            _ = try attempt { try file?.seekToEnd() }
        }

        /// Adds the page's entry; pages come newest first, so the ones past the limit are left out.
        func add(_ page: PublishedPage) throws {
            if let left = remaining {
                guard left > 0 else { return }
                remaining = left - 1
            }
            try attempt { try file?.write(contentsOf: Data(AtomFeed.entry(page, config: config).utf8)) }
        }

        func finish() throws {
            try attempt { try file?.write(contentsOf: Data(AtomFeed.footer.utf8)) }
            close()
        }

        func close() {
            try? file?.close()
            file = nil
        }

        private func attempt<Value>(_ work: () throws -> Value) throws -> Value {
            do {
                return try work()
            } catch {
                throw EvidentError(
                    .io, at: SourceLocation(file: url.path), "cannot write the file: \(error.localizedDescription)",
                    fix: "check the folder's permissions and free space")
            }
        }
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
            <content type="html">\(Escape.html(page.content))</content>
            </entry>

            """
    }

    private static let footer = "</feed>\n"
}
