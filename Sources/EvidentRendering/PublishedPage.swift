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

    package init(essay: Essay, content: String, toc: String, measured: Date? = nil) {
        self.essay = essay
        self.content = content
        self.toc = toc
        self.measured = measured
    }

    package var slug: String { essay.slug }
    package var title: String { essay.frontMatter.title }
    package var date: Date { essay.frontMatter.date }

    /// The absolute URL of the page.
    package func url(baseURL: String) -> String {
        baseURL + slug + "/"
    }
}
