import EvidentCore
import Foundation

/// The values templates receive (DESIGN.md "Templates"): `site`, `page`, `pages`, `build`.
package struct PageContext {
    package var config: SiteConfig
    package var buildTime: Date

    package init(config: SiteConfig, buildTime: Date) {
        self.config = config
        self.buildTime = buildTime
    }

    /// `site`, with `root`: the relative path from the page to the site root, so the output works from any host
    /// or folder.
    func site(root: String) -> TemplateValue {
        var values: [String: TemplateValue] = [
            "title": .text(config.title), "base_url": .text(config.baseURL), "language": .text(config.language),
            "root": .text(root),
        ]
        // Absent rather than empty, so that `{{#site.author}}` sections stay out of a page without an author.
        if !config.author.isEmpty { values["author"] = .text(config.author) }
        if !config.repository.isEmpty { values["repository"] = .text(config.repository) }
        if !config.extra.isEmpty { values["extra"] = ExtraValue.map(config.extra).templateValue }
        return .object(values)
    }

    var build: TemplateValue {
        ["time": .text(PublicationDate.iso8601(buildTime)), "version": .text(EvidentVersion.current)]
    }

    /// `page` without `content` and `toc` (as listed on the index); `path` is its link from the index. `summary`
    /// is absent when empty, like `site.author`, so that `{{#summary}}` leaves no empty paragraph.
    func summary(of page: PublishedPage) -> [String: TemplateValue] {
        let front = page.essay.frontMatter
        var values: [String: TemplateValue] = [
            "title": .text(front.title), "date": .text(PublicationDate.iso8601(front.date)),
            "date_display": .text(PublicationDate.display(front.date)), "tags": .texts(front.tags),
            "slug": .text(page.slug), "url": .text(page.url(baseURL: config.baseURL)), "path": "\(page.slug)/",
        ]
        if !front.summary.isEmpty { values["summary"] = .text(front.summary) }
        if case let author = front.author ?? config.author, !author.isEmpty { values["author"] = .text(author) }
        if let measured = page.measured, PublicationDate.day(measured) > PublicationDate.day(front.date) {
            values["measured"] = .text(PublicationDate.iso8601(measured))
            values["measured_display"] = .text(PublicationDate.display(measured))
        }
        if !front.extra.isEmpty { values["extra"] = ExtraValue.map(front.extra).templateValue }
        return values
    }

    func essay(_ page: PublishedPage) -> TemplateValue {
        var values = summary(of: page)
        values["content"] = .text(page.content)
        values["toc"] = .text(page.toc)
        return ["site": site(root: "../"), "page": .object(values), "build": build]
    }

    package func index(_ pages: [PublishedPage]) -> TemplateValue {
        ["site": site(root: "./"), "pages": .list(pages.map { .object(summary(of: $0)) }), "build": build]
    }

    /// The 404 page is served at any path, so its links are absolute paths from the base URL.
    package func notFound() -> TemplateValue {
        let path = URLComponents(string: config.baseURL)?.path ?? "/"
        let page: TemplateValue = ["title": "Not found", "slug": "404", "url": .text(config.baseURL + "404.html")]
        return ["site": site(root: path.hasSuffix("/") ? path : path + "/"), "page": page, "build": build]
    }
}

extension ExtraValue {
    /// The value as templates read it: texts escaped by `{{ }}` like every other value.
    var templateValue: TemplateValue {
        switch self {
        case .text(let text): return .text(text)
        case .bool(let value): return .bool(value)
        case .list(let items): return .list(items.map(\.templateValue))
        case .map(let entries): return .object(entries.mapValues(\.templateValue))
        }
    }
}
