import ArgumentParser
import EvidentCore
import EvidentSite
import EvidentSystem
import Foundation

/// `evident check`: re-evaluates every claim from stored evidence and checks the built pages' links and anchors.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check claims against stored evidence, and internal links and anchors of the built site.",
        discussion: """
            Example:
              evident check --site my-site                        exit 3 when a claim is contradicted, 1 on a broken link
              evident check --site my-site --output my-site/public  the links of the published folder
            """)

    @OptionGroup var siteOptions: SiteOptions

    @OptionGroup var judging: JudgingOptions

    @Option(
        help: ArgumentHelp(
            "Check the links of this built folder (e.g. the published public/) instead of a fresh build.",
            valueName: "DIR"))
    var output: String?

    func run() throws {
        SignalForwarding.install()
        let log = Terminal.log(quiet: false)
        let report = try SiteCheck(
            siteFolder: siteOptions.siteFolder, log: log, preregistered: judging.preregistered,
            includeDrafts: judging.drafts,
            published: output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        ).run()
        report.build.printContradictions(failing: true, log: log)
        print(report.summary)
        try report.throwIfFailed()
    }
}
