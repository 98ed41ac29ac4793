import Foundation
import Yams

/// An essay's metadata from the YAML block between `---` lines at the top of its `index.md`.
package struct FrontMatter: Sendable {
    package var title: String
    /// The publication date, `YYYY-MM-DD` or a full ISO 8601 timestamp (`WrittenDate`).
    package var date: Date
    /// The publication day as written, in the author's time zone (`25 November 2026`).
    package var dateDisplay: String
    package var summary: String
    var draft: Bool
    package var tags: [String]
    /// Who wrote the essay, shown in place of the site's `author` (`author:`); nil when not given.
    package var author: String?
    /// The author's own values under `extra:`, for templates (`page.extra`).
    package var extra: [String: ExtraValue] = [:]

    private static let keys = ["title", "date", "summary", "draft", "tags", "author", "extra"]
    /// The keys the plain reader may answer for: never `extra`, whose nested values only YAML reads.
    private static let plainKeys: Set = ["title", "date", "summary", "draft", "tags", "author"]

    /// Splits `text` into front matter and body; `bodyLine` is the file line where the body starts.
    static func split(_ text: String, file: String) throws -> (frontMatter: FrontMatter, body: Substring, bodyLine: Int)
    {
        let (yaml, body, bodyLine) = try parts(of: text, file: file)
        let front = try plain(yaml) ?? parse(YAMLSource(file: file, firstLine: 2, text: String(yaml)))
        return (front, body, bodyLine)
    }

    /// The front matter's YAML and the body of `text`, unparsed; `bodyLine` is the file line where the body starts.
    static func parts(of text: String, file: String) throws -> (yaml: Substring, body: Substring, bodyLine: Int) {
        guard text.hasPrefix("---\n") else {
            throw EvidentError(
                text.isEmpty ? FrontMatterFailure.emptyEssay : .missing, at: SourceLocation(file: file, line: 1))
        }
        // Lines are found on UTF-8 bytes (a newline is never part of a longer character there).
        let utf8 = text.utf8
        let afterOpening = utf8.index(utf8.startIndex, offsetBy: 4)
        var line = 2
        var lineStart = afterOpening
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if utf8[lineStart..<lineEnd].elementsEqual("---".utf8) {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return (text[afterOpening..<lineStart], text[bodyStart...], line + 1)
            }
            line += 1
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        throw EvidentError(FrontMatterFailure.unclosed, at: SourceLocation(file: file, line: 1))
    }

    /// The front matter read without YAML when it is written plainly (see `PlainFrontMatter`); nil when the YAML
    /// parser must read it, which also reports every error.
    static func plain(_ yaml: Substring) -> FrontMatter? {
        guard let values = PlainFrontMatter.read(yaml, keys: plainKeys), case .text(let title)? = values["title"],
            !title.isEmpty, case .text(let dateText)? = values["date"], let date = try? WrittenDate.parse(dateText)
        else { return nil }
        var front = FrontMatter(
            title: title, date: date.date, dateDisplay: date.display, summary: "", draft: false, tags: [])
        switch values["summary"] {
        case nil: break
        case .text(let summary)?: front.summary = summary
        default: return nil
        }
        switch values["author"] {
        case nil: break
        case .text(let author)?: front.author = author
        default: return nil
        }
        switch values["draft"] {
        case nil: break
        case .bool(let draft)?: front.draft = draft
        default: return nil
        }
        switch values["tags"] {
        case nil: break
        case .text(let tag)?: front.tags = [tag]
        case .list(let tags)?: front.tags = tags
        default: return nil
        }
        return front
    }

    static func parse(_ source: YAMLSource) throws -> FrontMatter {
        let mapping = try source.mapping(what: "front matter")
        try KeyCheck.rejectUnknown(in: mapping, allowed: keys, what: "front matter", source: source, extra: true)
        let fields = YAMLFields(mapping: mapping, source: source, what: "front matter")
        let title = try fields.requiredString("title")
        let dateText = try fields.requiredString("date")
        let date: WrittenDate
        do {
            date = try WrittenDate.parse(dateText)
        } catch {
            throw EvidentError(
                FrontMatterFailure.badDate(dateText, reason: error.reason),
                at: source.location(of: mapping[key: "date"]))
        }
        return FrontMatter(
            title: title, date: date.date, dateDisplay: date.display, summary: try fields.string("summary") ?? "",
            draft: try fields.bool("draft") ?? false, tags: try fields.stringList("tags") ?? [],
            author: try fields.string("author"),
            extra: try ExtraValue.extra(in: mapping, source: source, what: "front matter"))
    }
}
