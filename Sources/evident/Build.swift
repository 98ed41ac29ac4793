import ArgumentParser
import EvidentCore
import EvidentSite
import EvidentSystem
import Foundation

/// `evident build`: renders every essay, measuring only the experiments whose evidence is missing or stale.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
            Examples:
              evident build --site my-site --output /tmp/site
              evident build --refresh await-loop contagion    re-measure two directives
              evident build --frozen --strict                 CI: never measure, fail on a stale or contradicted claim
            """)

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: ArgumentHelp("The output folder (default: <site>/public).", valueName: "DIR"))
    var output: String?

    @Flag(help: "Re-measure every directive, or only the ids given after the flag.")
    var refresh = false

    @Argument(help: ArgumentHelp("Directive ids to re-measure (with --refresh).", valueName: "ID"))
    var ids: [String] = []

    @Flag(help: "Never run an experiment: missing evidence is an error, a changed one a warning.")
    var frozen = false

    @Flag(help: "Fail (exit 3) on a contradicted claim, and treat stale evidence as an error.")
    var strict = false

    @OptionGroup var judging: JudgingOptions

    @Flag(help: "Print only warnings and errors.")
    var quiet = false

    func validate() throws {
        if !ids.isEmpty && !refresh { throw ValidationError("directive ids are only accepted after --refresh") }
        if refresh && frozen { throw ValidationError("--refresh and --frozen cannot be combined") }
    }

    func run() throws {
        SignalForwarding.install()
        let site = siteOptions.siteFolder
        var options = BuildOptions(
            siteFolder: site, outputFolder: output.map { URL(fileURLWithPath: $0, isDirectory: true) })
        options.refresh = refresh ? (ids.isEmpty ? .all : .only(Set(ids))) : .none
        options.frozen = frozen
        options.strict = strict
        options.preregistered = judging.preregistered
        options.includeDrafts = judging.drafts
        let log = Terminal.log(quiet: quiet)
        let report = try SiteBuild(options: options, log: log).run()
        report.printContradictions(failing: strict, log: log)
        if !quiet { print(report.summary) }
        if strict, let implausible = report.implausibleError { throw implausible }
        if strict, report.claims.contradicted > 0 {
            throw EvidentError(
                .contradicted, "\(report.claims.contradicted) claim(s) contradicted by their evidence",
                fix: "correct the claim or the experiment; the page shows the numbers that decided it")
        }
    }
}
