import Foundation

/// An essay after rendering: what the index, the feed and the sitemap list.
struct PublishedPage {
    var essay: Essay
    /// The rendered body (HTML we generated).
    var content: String
    /// The table of contents (HTML), empty when the essay has fewer than three headings.
    var toc: String

    var slug: String { essay.slug }
    var title: String { essay.frontMatter.title }
    var date: Date { essay.frontMatter.date }

    /// The absolute URL of the page.
    func url(baseURL: String) -> String {
        baseURL + slug + "/"
    }
}
