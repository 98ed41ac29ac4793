import EvidentCore
import Foundation

/// What `evident serve` was asked to do.
package struct PreviewOptions: Sendable {
    var siteFolder: URL
    /// The address to listen on; loopback unless the user asks otherwise.
    package var host = "127.0.0.1"
    package var port = 8000
    /// Run experiments whose evidence is missing or stale; otherwise every preview build is frozen.
    package var measure = false
    /// Include essays marked `draft: true`.
    package var drafts = false

    /// A frozen preview of the site in `siteFolder` on 127.0.0.1:8000; the other options are set on the value.
    package init(siteFolder: URL) {
        self.siteFolder = siteFolder
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
