import Foundation

/// What `evident build` was asked to do.
package struct BuildOptions: Sendable {
    /// Which directives to re-measure even when their stored evidence is fresh.
    package enum Refresh: Sendable, Equatable {
        case none
        case all
        case only(Set<String>)
    }

    package var siteFolder: URL
    /// Where the site is written; nil means `<site>/public`.
    var outputFolder: URL?
    package var refresh = Refresh.none
    /// Never run an experiment: missing evidence is an error, a changed key a warning (an error with `strict`).
    package var frozen = false
    /// Treat stale evidence as an error (a contradicted claim is exit 3, decided by the caller).
    package var strict = false
    /// Refuse claims edited, added or removed after their evidence was measured (pre-registration): only a refresh
    /// registers claims.
    package var preregistered = false
    package var includeDrafts = false

    /// A plain build of the site in `siteFolder` into `outputFolder` (nil: `<site>/public`); the other options are
    /// set on the value.
    package init(siteFolder: URL, outputFolder: URL? = nil) {
        self.siteFolder = siteFolder
        self.outputFolder = outputFolder
    }

    /// The resolved output folder.
    package var output: URL {
        (outputFolder ?? siteFolder.appendingPathComponent("public", isDirectory: true)).standardizedFileURL
    }

    /// The site's cache of compiled experiments and highlighted code.
    package var cacheFolder: URL {
        siteFolder.appendingPathComponent(".evident-cache", isDirectory: true)
    }
}
