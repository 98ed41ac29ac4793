import Foundation

/// Everything under a site's `content/`: its configuration and its essays, newest first.
package struct SiteContent: Sendable {
    package var config: SiteConfig
    package var essays: [Essay]
    /// How many essays marked `draft: true` were left out (0 when drafts are included).
    package var draftsSkipped = 0

    /// Loads the essays of the site configured by `config` (`SiteConfig.load`); drafts are left out unless
    /// `includeDrafts`.
    package static func load(config: SiteConfig, siteFolder: URL, includeDrafts: Bool) throws -> SiteContent {
        let contentFolder = siteFolder.appendingPathComponent("content")
        let folders: [String]
        do {
            folders = try FileBytes.subfolders(of: contentFolder.path)
        } catch let error as FileBytesError where error.errno == EMFILE || error.errno == ENFILE {
            throw error.unreadable("content/", fix: "make content/ readable")
        } catch {
            throw EvidentError(
                .input, at: SourceLocation(file: "content/"), "cannot read the content folder: \(error)",
                fix: "create content/ with one folder per essay (content/<slug>/index.md)")
        }
        var slugs: [String] = []
        var lowercased: [String: String] = [:]
        for slug in folders {
            guard slug.utf8.allSatisfy(Self.isSlugByte) else {
                throw EvidentError(
                    .input, at: SourceLocation(file: "content/\(slug)/"), "`\(slug)` is not a usable URL slug",
                    fix: "rename the folder using letters, digits, - and _ only")
            }
            if let other = lowercased.updateValue(slug, forKey: slug.lowercased()) {
                throw EvidentError(
                    .input, at: SourceLocation(file: "content/\(slug)/"),
                    "the essays `\(other)` and `\(slug)` differ only in case, so on a case-insensitive file system "
                        + "(macOS, Windows) one page would overwrite the other",
                    fix: "rename one of the two folders")
            }
            slugs.append(slug)
        }
        // Reading and parsing front matter (YAML) is independent per essay: on every core, errors in folder order.
        var essays = try ParallelMap.map(slugs) { try Essay.load(slug: $0, contentFolder: contentFolder) }
        let count = essays.count
        if !includeDrafts { essays.removeAll { $0.frontMatter.draft } }
        essays.sort { ($0.frontMatter.date, $1.slug) > ($1.frontMatter.date, $0.slug) }
        return SiteContent(config: config, essays: essays, draftsSkipped: count - essays.count)
    }

    /// ASCII letters, digits, `-` and `_`.
    private static func isSlugByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
