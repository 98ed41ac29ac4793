import EvidentCore
import Foundation

/// An essay after rendering: what the index, the feed and the sitemap list.
package struct PublishedPage {
    package var essay: Essay
    /// The rendered body (HTML we generated).
    package var content: String
    /// The table of contents (HTML), empty when the essay has fewer than three headings.
    var toc: String
    /// When its evidence was last measured, if any of it was.
    var measured: Date?

    package var slug: String { essay.slug }
    package var title: String { essay.frontMatter.title }
    package var date: Date { essay.frontMatter.date }

    /// The absolute URL of the page.
    package func url(baseURL: String) -> String {
        baseURL + slug + "/"
    }
}

extension PublishedPage {
    /// The essay as a listing shows it (the index, a tag page, the sitemap): without its rendered body.
    package init(listing essay: Essay) {
        self.init(essay: essay, content: "", toc: "")
    }
}
