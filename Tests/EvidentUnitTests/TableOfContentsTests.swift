import EvidentTestSupport
import XCTest

@testable import EvidentCore
@testable import EvidentRendering

/// The contents list of an essay, in the default theme: its headings of levels 2 to 4, from three of them on.
final class TableOfContentsTests: XCTestCase {
    private func contents(of markdown: String) throws -> String {
        let headings = try MarkdownRenderer().render(MarkdownDocument(parsing: markdown)).headings
        return try TableOfContents.html(headings, templates: TemplateSet.load(siteFolder: makeSite(files: [:]).folder))
    }

    func testHeadingsTwoToFourAreListedWithTheirLevelsAndUniqueIDs() throws {
        let markdown = """
            # The essay's title

            ## Setup & teardown

            ### What `await` does

            #### A detail

            ##### Too deep for the list

            ## Setup & teardown

            ## Results
            """
        assertSnapshot(try contents(of: markdown), named: "toc/levels.html")
    }

    func testFewerThanThreeSectionsHaveNoContents() throws {
        XCTAssertEqual(try contents(of: "# Title\n\n## One\n\n##### Deep\n\n## Two\n"), "")
    }
}
