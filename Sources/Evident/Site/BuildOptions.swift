import Foundation

/// What `evident build` was asked to do.
public struct BuildOptions: Sendable {
    /// Which directives to re-measure even when their stored evidence is fresh.
    public enum Refresh: Sendable, Equatable {
        case none
        case all
        case only(Set<String>)
    }

    public var siteFolder: URL
    /// Where the site is written; nil means `<site>/public`.
    public var outputFolder: URL?
    public var refresh: Refresh
    /// Never run an experiment: missing evidence is an error, a changed key a warning (an error with `strict`).
    public var frozen: Bool
    /// Treat stale evidence as an error (a contradicted claim is exit 3, decided by the caller).
    public var strict: Bool
    public var includeDrafts: Bool

    public init(
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
    public var output: URL {
        (outputFolder ?? siteFolder.appendingPathComponent("public", isDirectory: true)).standardizedFileURL
    }

    /// The site's cache of compiled experiments and highlighted code.
    public var cacheFolder: URL {
        siteFolder.appendingPathComponent(".evident-cache", isDirectory: true)
    }
}
