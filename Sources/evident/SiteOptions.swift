import ArgumentParser
import Foundation

/// The `--site DIR` option shared by the commands that work on a site.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The site folder (holding content/site.yml).", valueName: "DIR"))
    var site: String = "."

    var siteFolder: URL {
        URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
    }
}
