import Foundation
import Yams

/// The site's settings from `content/site.yml`.
package struct SiteConfig: Sendable {
    package var title: String
    /// The absolute URL the site is published at, always ending in `/`.
    package var baseURL: String
    package var author: String
    /// The address of the repository that holds the site's sources (`repository`), where readers clone it to run
    /// the experiments again; empty when not given.
    package var repository: String = ""
    package var language: String
    /// The Python interpreter experiments and highlighting run with, as written (relative to the site folder).
    var python: String?
    /// Pass raw HTML in Markdown through (cmark's unsafe mode); off by default.
    package var unsafeHTML: Bool
    /// Directive defaults applied under each directive's own values (e.g. `budget: 20s`), as written; a build checks
    /// them (`DirectiveDefaults`) right after reading the configuration.
    package var directiveDefaults: DefaultsSection
    /// How many of the newest essays the Atom feed carries (`feed_limit`, default 20; 0: every essay). Each entry
    /// holds a whole page, so an unlimited feed of a large site is megabytes that every reader polls.
    package var feedLimit: Int
    /// The author's own values under `extra:`, for templates (`site.extra`).
    package var extra: [String: ExtraValue] = [:]

    static let file = "content/site.yml"
    private static let keys = [
        "title", "base_url", "author", "repository", "language", "python", "unsafe_html", "defaults", "feed_limit",
        "extra",
    ]

    /// Loads `content/site.yml` from a site folder.
    package static func load(siteFolder: URL) throws -> SiteConfig {
        let url = siteFolder.appendingPathComponent(file)
        guard let data = try UserFile.read(url.path, at: SourceLocation(file: file)) else {
            throw notFound(in: siteFolder)
        }
        let text = try TextFile.decode(data, file: file)
        return try parse(YAMLSource(file: file, firstLine: 1, text: text))
    }

    /// Whether `siteFolder` holds a site (its `content/site.yml`).
    package static func exists(in siteFolder: URL) -> Bool {
        FileManager.default.fileExists(atPath: siteFolder.appendingPathComponent(file).path)
    }

    /// The error for a folder that holds no site.
    package static func notFound(in siteFolder: URL) -> EvidentError {
        EvidentError(
            .input, at: SourceLocation(file: file), "no site configuration found in \(siteFolder.path)",
            fix: "run `evident init DIR` for a new site, or pass --site with the folder holding content/site.yml")
    }

    static func parse(_ source: YAMLSource) throws -> SiteConfig {
        let mapping = try source.mapping(what: "site configuration")
        try KeyCheck.rejectUnknown(
            in: mapping, allowed: keys, what: "site configuration", source: source, extra: true)
        let fields = YAMLFields(mapping: mapping, source: source, what: "site configuration")
        let title = try fields.requiredString("title")
        var baseURL = try fields.string("base_url") ?? "http://localhost:8000/"
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw EvidentError(
                .input, at: source.location(of: mapping[key: "base_url"]), "base_url `\(baseURL)` is not absolute",
                fix: "write the full address, e.g. https://example.org/")
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let repository = try fields.string("repository") ?? ""
        guard repository.isEmpty || repository.hasPrefix("https://") || repository.hasPrefix("http://") else {
            throw EvidentError(
                .input, at: source.location(of: mapping[key: "repository"]),
                "repository `\(repository)` is not a web address readers can open and clone",
                fix: "write the repository's https:// address, e.g. https://github.com/example/essays")
        }
        return SiteConfig(
            title: title, baseURL: baseURL, author: try fields.string("author") ?? "",
            repository: repository, language: try fields.string("language") ?? "en",
            python: try fields.string("python"),
            unsafeHTML: try fields.bool("unsafe_html") ?? false,
            directiveDefaults: try defaults(in: mapping, fields: fields, source: source),
            feedLimit: try fields.count("feed_limit") ?? 20,
            extra: try ExtraValue.extra(in: mapping, source: source, what: "site configuration"))
    }

    /// The `defaults:` mapping, each value located at its own line.
    private static func defaults(
        in mapping: Node.Mapping, fields: YAMLFields, source: YAMLSource
    ) throws -> DefaultsSection {
        guard let values = try fields.stringMap("defaults") else { return DefaultsSection() }
        var locations: [String: SourceLocation] = [:]
        for (key, value) in mapping[key: "defaults"]?.mapping ?? Node.Mapping([]) {
            if let name = key.string { locations[name] = source.location(of: value) }
        }
        return DefaultsSection(
            values: values, location: source.location(of: mapping[key: "defaults"]), locations: locations)
    }
}
