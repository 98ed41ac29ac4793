import ArgumentParser
import EvidentSite

/// `evident new SLUG`: a new essay with an example directive and experiment.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create content/SLUG/ with an example bench directive and a Python experiment.",
        discussion: """
            Example:
              evident new sleep-study --site my-site && evident build --site my-site
            """)

    @Argument(help: ArgumentHelp("The essay's folder name and URL path.", valueName: "SLUG"))
    var slug: String

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        try EssayScaffold.create(slug: slug, siteFolder: siteOptions.siteFolder)
        print("created content/\(slug)/index.md and content/\(slug)/experiments/sleeps.py")
    }
}
