import ArgumentParser
import EvidentCore
import EvidentSite
import EvidentSystem

/// `evident check`: re-evaluates every claim from stored evidence and checks the built pages' links and anchors.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check claims against stored evidence, and internal links and anchors of the built site.",
        discussion: """
            Example:
              evident check --site my-site     exit 3 when a claim is contradicted, 1 on a broken link
            """)

    @OptionGroup var siteOptions: SiteOptions

    @Flag(
        help:
            "Refuse claims edited, added or removed after their evidence was measured (only --refresh registers claims)."
    )
    var preregistered = false

    func run() throws {
        SignalForwarding.install()
        let log = Terminal.log(quiet: false)
        let report = try SiteCheck(siteFolder: siteOptions.siteFolder, log: log, preregistered: preregistered).run()
        report.build.printContradictions(failing: true, log: log)
        print(report.summary)
        try report.throwIfFailed()
    }
}
