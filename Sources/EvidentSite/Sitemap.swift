import EvidentCore
import EvidentRendering

/// The site's `sitemap.xml`: the index, every published essay and the tag pages, with absolute URLs.
enum Sitemap {
    static func xml(config: SiteConfig, pages: [PublishedPage], tags: SiteTags) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>\(Escape.html(config.baseURL))</loc></url>

            """
        for page in pages {
            xml += "<url><loc>\(Escape.html(page.url(baseURL: config.baseURL)))</loc>"
            xml += "<lastmod>\(PublicationDate.day(page.date))</lastmod></url>\n"
        }
        if !tags.tags.isEmpty { xml += "<url><loc>\(Escape.html(config.baseURL))tags/</loc></url>\n" }
        for tag in tags.tags {
            xml += "<url><loc>\(Escape.html(config.baseURL))tags/\(Escape.html(tag.slug.urlPath))/</loc>"
            xml += "<lastmod>\(PublicationDate.day(tag.essays[0].frontMatter.date))</lastmod></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
