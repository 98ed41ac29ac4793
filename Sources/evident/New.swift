import ArgumentParser
import EvidentSite

/// `evident new SLUG`: a new essay, as a draft, with an example directive and experiment.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create content/SLUG/ with an example bench directive and a Python experiment.",
        discussion: """
            The essay starts as a draft (`draft: true` in its front matter): `evident build` leaves it out \
            until you delete that line; `evident serve --drafts` previews it (and every later save), and \
            `evident build --drafts` builds it, measuring its experiment (about 20 s the first time).

            Example:
              evident new sleep-study && evident serve --drafts --measure
            """)

    @Argument(help: ArgumentHelp("The essay's folder name and URL path.", valueName: "SLUG"))
    var slug: String

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        try EssayScaffold.create(slug: slug, siteFolder: siteOptions.siteFolder)
        let site = siteOptions.site == "." ? "" : " --site \(siteOptions.site)"
        print(
            """
            created content/\(slug)/index.md and content/\(slug)/experiments/sleeps.py
            it is a draft (`draft: true`): `evident serve\(site) --drafts --measure` previews it, measured; delete \
            that line to publish it
            """)
    }
}
