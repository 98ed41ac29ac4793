import ArgumentParser
import EvidentCore
import EvidentSite

/// `evident check`: re-evaluates every claim from stored evidence and checks the built pages' links and anchors.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check claims against stored evidence, and internal links and anchors of the built site.",
        discussion: """
            Example:
              evident check --site my-site     exit 3 when a claim is contradicted, 1 on a broken link
            """)

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        let report = try SiteCheck(siteFolder: siteOptions.siteFolder, log: Terminal.log(quiet: false)).run()
        print(report.summary)
        try report.throwIfFailed()
    }
}
