import EvidentCore
import EvidentEvidence
import EvidentRendering
import Foundation

/// The paths of the output that evident generates itself, so that nothing an author names can overwrite them and
/// no two things are written to one path: an essay is refused a slug that is a generated folder
/// (`evidence-method`, the theme's top-level asset folders), and a published source is refused a path that
/// its essay's page or evidence files already take (`index.html`, `<id>.json`, `<id>.csv`).
struct ReservedPaths {
    /// Top-level folders of the output that evident writes whatever the content.
    static let generatedFolders = [String(MethodPage.path.prefix { $0 != "/" })]
    /// The files at the top of every build.
    static let siteFiles = ["index.html", "404.html", "feed.xml", "sitemap.xml"]

    /// Every path taken so far, with what takes it (for messages).
    private var taken: [String: String] = [:]

    /// Refuses an essay whose slug is a generated folder (`tags` too when the site has tags), and a theme asset at a
    /// path evident generates, before anything is measured.
    static func checkSlugs(of essays: [Essay], assets: some Collection<String>, tags: SiteTags) throws {
        let generated = Self.generatedFolders + (tags.tags.isEmpty ? [] : [TagFiles.folder])
        for asset in assets.sorted() {
            let top = String(asset.prefix { $0 != "/" })
            guard generated.contains(top) || Self.siteFiles.contains(asset) else { continue }
            throw EvidentError(
                OutputFailure.themeFileReserved(asset, reserved: generated.map { $0 + "/" } + Self.siteFiles),
                at: SourceLocation(file: "templates/\(asset)"))
        }
        let folders = Set(generated + assets.compactMap { $0.split(separator: "/").first.map(String.init) })
        for essay in essays {
            if folders.contains(essay.slug) {
                throw EvidentError(
                    OutputFailure.slugReserved(essay.slug, reserved: folders.sorted()),
                    at: SourceLocation(file: "content/\(essay.slug)/"))
            }
        }
    }

    /// Checks, before anything is measured, that every essay's page, every directive's evidence files, every
    /// file a directive publishes (`ExperimentSources`, raw and as a page) and every bundle file take paths of their
    /// own. Answers the bundle files left to copy: a file a directive ran, beside index.md, is published once, as a
    /// source.
    static func checkSources(
        of essays: [Essay], directives: [EssayDirectives], bundles: PageBundles
    ) throws -> PageBundles {
        let files = directives.flatMap { essay in
            essay.directives.flatMap {
                ["\(essay.slug)/\($0.id).json", "\(essay.slug)/\($0.id).csv"]
            }
        }
        var reserved = ReservedPaths(essays: essays, files: files)
        var sources: Set<String> = []
        for essay in directives {
            var published: Set<String> = []
            for checked in essay.directives {
                let location = checked.location
                for path in checked.sources where published.insert(path).inserted {
                    let key = "\(essay.slug)/\(path)"
                    sources.insert(key)
                    try reserved.claim(key, for: "the source `\(path)`", at: location)
                    try reserved.claim(SourcePage.path(of: key), for: "the page of `\(path)`", at: location)
                }
            }
        }
        var left = bundles
        for path in bundles.files.keys.sorted() {
            guard !sources.contains(path) else {
                left.files[path] = nil
                continue
            }
            let file = "content/\(path)"
            try reserved.claim(path, for: "the file `\(file)`", at: SourceLocation(file: file))
        }
        return left
    }

    /// Reserves each essay's page and `files` (the evidence JSON and CSV).
    init(essays: [Essay], files: some Sequence<String>) {
        for essay in essays { taken["\(essay.slug)/index.html"] = "the essay's page" }
        for file in files { taken[file] = "the evidence file `\((file as NSString).lastPathComponent)`" }
    }

    /// Reserves `path` for `what`, or says at `location` what already takes it.
    mutating func claim(_ path: String, for what: String, at location: SourceLocation) throws {
        if let owner = taken[path] {
            throw EvidentError(OutputFailure.pathTaken(path, what: what, owner: owner), at: location)
        }
        taken[path] = what
    }
}
