import EvidentCore
import Foundation

/// The values templates receive (DESIGN.md "Templates"): `site`, `page`, `pages`, `tags`, `tag`, `build`.
package struct PageContext {
    package var config: SiteConfig
    package var buildTime: Date
    /// The slug of each tag, by its name in lower case, for the links from essays to their tags' pages.
    package var tagSlugs: [String: TagSlug]

    package init(config: SiteConfig, buildTime: Date, tagSlugs: [String: TagSlug] = [:]) {
        self.config = config
        self.buildTime = buildTime
        self.tagSlugs = tagSlugs
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

    /// `page` without `content` and `toc` (as listed on the index); `path` is its link from the page whose
    /// relative path to the site root is `root`. `tag_links` are its tags with their pages (`name`, `slug`, `path`
    /// from that page, absolute `url`), `has_tags` whether there are any. `summary` is absent when empty, like `site.author`, so that `{{#summary}}`
    /// leaves no empty paragraph.
    func summary(of page: PublishedPage, root: String) -> [String: TemplateValue] {
        let front = page.essay.frontMatter
        let links = front.tags.compactMap { tagLink($0, root: root) }
        var values: [String: TemplateValue] = [
            "title": .text(front.title), "date": .text(PublicationDate.iso8601(front.date)),
            "date_display": .text(front.dateDisplay), "tags": .texts(front.tags),
            "tag_links": .list(links), "has_tags": .bool(!links.isEmpty),
            "slug": .text(page.slug), "url": .text(page.url(baseURL: config.baseURL)),
            "path": .text("\(root)\(page.slug)/"),
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

    /// A tag of an essay with its page, or nil for a tag the site has no page for.
    private func tagLink(_ name: String, root: String) -> TemplateValue? {
        guard let slug = tagSlugs[name.lowercased()] else { return nil }
        return [
            "name": .text(name), "slug": .text(slug.text), "path": .text("\(root)tags/\(slug.urlPath)/"),
            "url": .text("\(config.baseURL)tags/\(slug.urlPath)/"),
        ]
    }

    func essay(_ page: PublishedPage) -> TemplateValue {
        var values = summary(of: page, root: "../")
        values["content"] = .text(page.content)
        values["toc"] = .text(page.toc)
        return ["site": site(root: "../"), "page": .object(values), "build": build]
    }

    package func index(_ pages: [PublishedPage]) -> TemplateValue {
        [
            "site": site(root: "./"), "pages": .list(pages.map { .object(summary(of: $0, root: "")) }),
            "build": build,
        ]
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

extension PageContext {
    /// `tags/index.html`: `tags`, each with `name`, `slug`, `path` (from that page), `url` and `count`.
    package func tagIndex(_ tags: SiteTags) -> TemplateValue {
        let list: [TemplateValue] = tags.tags.map {
            [
                "name": .text($0.name), "slug": .text($0.slug.text), "path": .text("\($0.slug.urlPath)/"),
                "url": .text("\(config.baseURL)tags/\($0.slug.urlPath)/"), "count": .integer($0.essays.count),
                "count_text": .text(Self.essayCount($0.essays.count)),
            ]
        }
        let page: TemplateValue = ["title": "Tags", "slug": "tags", "url": .text("\(config.baseURL)tags/")]
        return ["site": site(root: "../"), "page": page, "tags": .list(list), "build": build]
    }

    /// `tags/<slug>/index.html`: `tag` (`name`, `slug`, `url`, `feed_url`, `count`) and its essays as `pages`,
    /// newest first.
    private static func essayCount(_ count: Int) -> String {
        count == 1 ? "1 essay" : "\(count) essays"
    }

    package func tagPage(_ tag: SiteTags.Tag) -> TemplateValue {
        let url = "\(config.baseURL)tags/\(tag.slug.urlPath)/"
        let values: TemplateValue = [
            "name": .text(tag.name), "slug": .text(tag.slug.text), "url": .text(url),
            "feed_url": .text(url + "feed.xml"), "count": .integer(tag.essays.count),
            "count_text": .text(Self.essayCount(tag.essays.count)),
        ]
        let pages = tag.essays.map {
            TemplateValue.object(summary(of: PublishedPage(listing: $0), root: "../../"))
        }
        let page: TemplateValue = ["title": .text(tag.name), "slug": .text(tag.slug.text), "url": .text(url)]
        return ["site": site(root: "../../"), "page": page, "tag": values, "pages": .list(pages), "build": build]
    }
}
