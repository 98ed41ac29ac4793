import Foundation

/// The tags of a site's essays, each with its page at `tags/<slug>/`: the essays carrying it, newest first.
///
/// Tags that differ only in case (`Async`, `async`) are one tag, named as the newest essay writes it. Two tags that
/// differ otherwise but make the same slug (`machine learning`, `machine-learning`) would share a page without the
/// author knowing: that is an error naming both.
package struct SiteTags: Sendable {
    /// One tag and its essays.
    package struct Tag: Sendable {
        package var name: String
        package var slug: TagSlug
        /// The essays carrying the tag, newest first.
        package var essays: [Essay]
    }

    /// Every tag, by name (case-insensitive).
    package var tags: [Tag]

    /// The tags of `essays` (newest first, as `SiteContent` orders them).
    package static func collect(_ essays: [Essay]) throws -> SiteTags {
        var tags: [Tag] = []
        var index: [TagSlug: Int] = [:]
        for essay in essays {
            var seen: Set<TagSlug> = []
            for name in essay.frontMatter.tags {
                let slug = try TagSlug(name, in: essay)
                guard seen.insert(slug).inserted else { continue }
                guard let found = index[slug] else {
                    index[slug] = tags.count
                    tags.append(Tag(name: name, slug: slug, essays: [essay]))
                    continue
                }
                let first = tags[found]
                guard first.name.lowercased() == name.lowercased() else {
                    throw EvidentError(
                        .input, at: essay.location(ofKey: "tags"),
                        "the tag `\(name)` and the tag `\(first.name)` of \(first.essays[0].file) would share the page "
                            + "tags/\(slug.text)/",
                        fix: "write the tag the same way in both essays, or make the two tags differ in letters or "
                            + "digits")
                }
                tags[found].essays.append(essay)
            }
        }
        return SiteTags(
            tags: tags.sorted { ($0.name.lowercased(), $0.slug.text) < ($1.name.lowercased(), $1.slug.text) })
    }

    /// The slug of each tag by its name as written in any essay (any case).
    package var slugs: [String: TagSlug] {
        Dictionary(tags.map { ($0.name.lowercased(), $0.slug) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A tag as its page's folder name: lower case, accents dropped (`Café` → `cafe`), words joined by `-`, `+` and `#`
/// spelled out (`C++` → `c-plus-plus`, `C#` → `c-sharp`); letters of other scripts are kept (`日本語`).
package struct TagSlug: Hashable, Sendable {
    package let text: String
    /// The slug as a URL path segment (percent-encoded beyond ASCII): made once, since every listing of an essay
    /// links its tags.
    package let urlPath: String

    /// The slug of `name`, a tag of `essay`; a tag with no letter or digit is an error.
    init(_ name: String, in essay: Essay) throws {
        text = Self.slug(name)
        urlPath = text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? text
        guard !text.isEmpty else {
            throw EvidentError(
                .input, at: essay.location(ofKey: "tags"),
                "the tag `\(name)` has no letter or digit to name its page",
                fix: "write the tag with letters or digits, or remove it from `tags:`")
        }
    }

    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "+", "#":
                endWord()
                words.append(scalar == "+" ? "plus" : "sharp")
            case _ where scalar.properties.isAlphabetic || scalar.properties.numericType != nil:
                word.unicodeScalars.append(scalar)
            default:
                endWord()
            }
        }
        endWord()
        return words.joined(separator: "-")
    }
}
