import Foundation

/// A reference from a built page or style sheet to another file: what names it, the URL as written, and its line.
struct PageReference: Equatable {
    /// What the reference is, as messages name it.
    enum Kind: String {
        /// `href`: a page, a file to download, a style sheet.
        case link
        /// `src`: an image, a script, a frame.
        case source = "src"
        /// One candidate of a `srcset`.
        case sourceSet = "srcset"
        /// CSS `url()`: a background, a font.
        case cssURL = "url()"
    }

    var kind: Kind
    var url: String
    var line: Int

    /// Every reference of an HTML page: `href`, `src`, each `srcset` candidate, and `url()` in `<style>` elements
    /// and `style` attributes.
    static func all(in html: String) -> [PageReference] {
        var references = HTMLAttributes.values(of: "href", in: html).map {
            PageReference(kind: .link, url: $0, line: $1)
        }
        references += HTMLAttributes.values(of: "src", in: html).map { PageReference(kind: .source, url: $0, line: $1) }
        for (value, line) in HTMLAttributes.values(of: "srcset", in: html) {
            references += candidates(value).map { PageReference(kind: .sourceSet, url: $0, line: line) }
        }
        for (value, line) in HTMLAttributes.values(of: "style", in: html) {
            references += cssURLs(in: value).map { PageReference(kind: .cssURL, url: $0.url, line: line + $0.line - 1) }
        }
        var rest = html[...]
        var lines = LineCounter(html)
        while let open = rest.range(of: "<style"), let close = rest[open.upperBound...].range(of: "</style>") {
            let line = lines.line(at: open.lowerBound)
            references += cssURLs(in: String(rest[open.upperBound..<close.lowerBound])).map {
                PageReference(kind: .cssURL, url: $0.url, line: line + $0.line - 1)
            }
            rest = rest[close.upperBound...]
        }
        return references.sorted { ($0.line, $0.url) < ($1.line, $1.url) }
    }

    /// The URLs of a `srcset`: each comma-separated candidate's URL, before its width or density.
    static func candidates(_ srcset: String) -> [String] {
        srcset.split(separator: ",").compactMap { candidate in
            candidate.split(whereSeparator: \.isWhitespace).first.map(String.init)
        }
    }

    /// The `url(...)` values of CSS (quoted or not), except `data:` URLs; comments are skipped.
    static func cssURLs(in css: String) -> [PageReference] {
        var references: [PageReference] = []
        var lines = LineCounter(css)
        var rest = css[...]
        while let start = rest.range(of: "url(", options: .caseInsensitive) {
            if let comment = rest.range(of: "/*"), comment.lowerBound < start.lowerBound {
                rest = rest[comment.upperBound...].range(of: "*/").map { rest[$0.upperBound...] } ?? ""
                continue
            }
            guard let end = rest[start.upperBound...].firstIndex(of: ")") else { break }
            var url = rest[start.upperBound..<end].trimmingCharacters(in: .whitespaces)
            if let quote = url.first, quote == "\"" || quote == "'", url.count >= 2, url.last == quote {
                url = String(url.dropFirst().dropLast())
            }
            if !url.isEmpty, !url.lowercased().hasPrefix("data:") {
                references.append(PageReference(kind: .cssURL, url: url, line: lines.line(at: start.lowerBound)))
            }
            rest = rest[rest.index(after: end)...]
        }
        return references
    }
}
