import ArgumentParser
import EvidentSite
import Foundation

/// `evident init DIR`: creates a new site with the default theme written out for editing.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site: content/site.yml and templates/ (the default theme).",
        discussion: """
            Example:
              evident init my-site && cd my-site && evident new first-essay && evident build --drafts
            """)

    @Argument(help: ArgumentHelp("The folder to create the site in.", valueName: "DIR"))
    var folder: String

    func run() throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        try SiteScaffold.create(at: url)
        print("created a site in \(folder): edit content/site.yml, then `evident new SLUG --site \(folder)`")
    }
}
