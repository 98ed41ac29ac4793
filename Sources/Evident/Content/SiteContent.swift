import Foundation

/// Everything under a site's `content/`: its configuration and its essays, newest first.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var essays: [Essay]

    /// Loads the site; drafts are left out unless `includeDrafts`.
    public static func load(siteFolder: URL, includeDrafts: Bool) throws -> SiteContent {
        let config = try SiteConfig.load(siteFolder: siteFolder)
        let contentFolder = siteFolder.appendingPathComponent("content")
        let entries = try FileManager.default.contentsOfDirectory(
            at: contentFolder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        var essays: [Essay] = []
        for entry in entries where (try? entry.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            let slug = entry.lastPathComponent
            guard slug.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw EvidentError(
                    .input, at: SourceLocation(file: "content/\(slug)/"), "`\(slug)` is not a usable URL slug",
                    fix: "rename the folder using letters, digits, - and _ only")
            }
            let essay = try Essay.load(slug: slug, contentFolder: contentFolder)
            if includeDrafts || !essay.frontMatter.draft { essays.append(essay) }
        }
        essays.sort { ($0.frontMatter.date, $1.slug) > ($1.frontMatter.date, $0.slug) }
        return SiteContent(config: config, essays: essays)
    }
}
