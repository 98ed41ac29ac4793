import EvidentCore
import Foundation

/// What `evident serve` was asked to do.
package struct PreviewOptions: Sendable {
    var siteFolder: URL
    /// The address to listen on; loopback unless the user asks otherwise.
    var host: String
    var port: Int
    /// Run experiments whose evidence is missing or stale; otherwise every preview build is frozen.
    var measure: Bool
    /// Include essays marked `draft: true`.
    var drafts: Bool

    package init(
        siteFolder: URL, host: String = "127.0.0.1", port: Int = 8000, measure: Bool = false, drafts: Bool = false
    ) {
        self.siteFolder = siteFolder
        self.host = host
        self.port = port
        self.measure = measure
        self.drafts = drafts
    }

    /// The private folder the preview builds into, never the site's `public/`.
    var outputFolder: URL {
        siteFolder.appendingPathComponent(".evident-cache/serve/public", isDirectory: true)
    }

    /// The folders whose changes trigger a rebuild (`content/` holds `site.yml`).
    var watchedFolders: [URL] {
        ["content", "templates"].map { siteFolder.appendingPathComponent($0, isDirectory: true) }
    }

    var buildOptions: BuildOptions {
        var options = BuildOptions(siteFolder: siteFolder, outputFolder: outputFolder)
        options.frozen = !measure
        options.includeDrafts = drafts
        return options
    }
}
