import EvidentCore
import EvidentRendering

/// The site's `sitemap.xml`: the index and every published essay, with absolute URLs.
enum Sitemap {
    static func xml(config: SiteConfig, pages: [PublishedPage]) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>\(Escape.html(config.baseURL))</loc></url>

            """
        for page in pages {
            xml += "<url><loc>\(Escape.html(page.url(baseURL: config.baseURL)))</loc>"
            xml += "<lastmod>\(PublicationDate.day(page.date))</lastmod></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
