import Foundation

/// The values templates receive (DESIGN.md "Templates"): `site`, `page`, `pages`, `build`.
struct PageContext {
    var config: SiteConfig
    var buildTime: Date

    /// `site`, with `root`: the relative path from the page to the site root, so the output works from any host
    /// or folder.
    func site(root: String) -> [String: Any] {
        var values: [String: Any] = [
            "title": config.title, "base_url": config.baseURL, "language": config.language, "root": root,
        ]
        // Absent rather than empty, so that `{{#site.author}}` sections stay out of a page without an author.
        if !config.author.isEmpty { values["author"] = config.author }
        return values
    }

    var build: [String: Any] {
        ["time": PublicationDate.iso8601(buildTime), "version": EvidentVersion.current]
    }

    /// `page` without `content` and `toc` (as listed on the index); `path` is its link from the index.
    func summary(of page: PublishedPage) -> [String: Any] {
        let front = page.essay.frontMatter
        return [
            "title": front.title, "date": PublicationDate.iso8601(front.date),
            "date_display": PublicationDate.display(front.date), "summary": front.summary, "tags": front.tags,
            "slug": page.slug, "url": page.url(baseURL: config.baseURL), "path": "\(page.slug)/",
        ]
    }

    func essay(_ page: PublishedPage) -> [String: Any] {
        var values = summary(of: page)
        values["content"] = page.content
        values["toc"] = page.toc
        return ["site": site(root: "../"), "page": values, "build": build]
    }

    func index(_ pages: [PublishedPage]) -> [String: Any] {
        ["site": site(root: "./"), "pages": pages.map(summary(of:)), "build": build]
    }

    /// The 404 page is served at any path, so its links are absolute paths from the base URL.
    func notFound() -> [String: Any] {
        let path = URLComponents(string: config.baseURL)?.path ?? "/"
        let page: [String: Any] = ["title": "Not found", "slug": "404", "url": config.baseURL + "404.html"]
        return ["site": site(root: path.hasSuffix("/") ? path : path + "/"), "page": page, "build": build]
    }
}
