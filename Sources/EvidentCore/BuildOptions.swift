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
    package var refresh: Refresh
    /// Never run an experiment: missing evidence is an error, a changed key a warning (an error with `strict`).
    package var frozen: Bool
    /// Treat stale evidence as an error (a contradicted claim is exit 3, decided by the caller).
    package var strict: Bool
    package var includeDrafts: Bool

    package init(
        siteFolder: URL, outputFolder: URL? = nil, refresh: Refresh = .none, frozen: Bool = false,
        strict: Bool = false, includeDrafts: Bool = false
    ) {
        self.siteFolder = siteFolder
        self.outputFolder = outputFolder
        self.refresh = refresh
        self.frozen = frozen
        self.strict = strict
        self.includeDrafts = includeDrafts
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
