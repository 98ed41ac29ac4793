/// GFM's extended autolinks in a run of text, as cmark-gfm finds them: `www.` and `http://`, `https://`, `ftp://`
/// URLs, and email addresses.
enum Autolink {
    /// A link found in the text: its extent and where it points.
    struct Found {
        var range: Range<Int>
        var url: String
    }

    /// A `www.` link starting at `start`, which follows `before` (the character before it, or what stands
    /// for the node before the text).
    static func www(_ text: [Unicode.Scalar], at start: Int, after before: Unicode.Scalar) -> Found? {
        guard CharacterClass.isSpace(before) || "*_~(".unicodeScalars.contains(before),
            text.count - start >= 4, text[start] == "w", text[start + 1] == "w", text[start + 2] == "w",
            text[start + 3] == ".",
            let end = linkEnd(text, from: start, domainStart: start, needsDot: true)
        else { return nil }
        return Found(range: start..<end, url: "http://" + string(text[start..<end]))
    }

    /// A URL whose `://` is at `colon`; its scheme is the letters before, back to `floor` at most.
    static func url(_ text: [Unicode.Scalar], colon: Int, floor: Int) -> Found? {
        guard colon + 3 < text.count, text[colon + 1] == "/", text[colon + 2] == "/",
            !CharacterClass.isSpace(text[colon + 3]), !CharacterClass.isPunctuation(text[colon + 3])
        else { return nil }
        var start = colon
        while start > floor, CharacterClass.isASCIILetter(text[start - 1]) { start -= 1 }
        guard ["http", "https", "ftp"].contains(string(text[start..<colon]).lowercased()),
            let end = linkEnd(text, from: start, domainStart: colon + 3, needsDot: false)
        else { return nil }
        let link = string(text[start..<end])
        return Found(range: start..<end, url: link)
    }

    /// An email address whose `@` is at `at`; its local part goes back to `floor` at most.
    static func email(_ text: [Unicode.Scalar], at: Int, floor: Int) -> Found? {
        var start = at
        while start > floor,
            CharacterClass.isASCIIAlphanumeric(text[start - 1]) || ".+-_".unicodeScalars.contains(text[start - 1])
        {
            start -= 1
        }
        guard start < at else { return nil }
        var end = at
        var ats = 0
        var dots = 0
        while end < text.count {
            let scalar = text[end]
            if CharacterClass.isASCIIAlphanumeric(scalar) {
            } else if scalar == "@" {
                ats += 1
            } else if scalar == ".", end + 1 < text.count, CharacterClass.isASCIIAlphanumeric(text[end + 1]) {
                dots += 1
            } else if scalar != "-" && scalar != "_" {
                break
            }
            end += 1
        }
        guard end - at >= 2, ats == 1, dots > 0, CharacterClass.isASCIILetter(text[end - 1]) || text[end - 1] == "."
        else { return nil }
        let trimmed = trailingPunctuationTrimmed(text, start: at, end: end)
        guard trimmed > at else { return nil }
        return Found(range: start..<trimmed, url: "mailto:" + string(text[start..<trimmed]))
    }

    /// Where a link ends: after a valid domain at `domainStart`, up to white space or `<`, without its trailing
    /// punctuation; nil when the domain is not valid.
    private static func linkEnd(_ text: [Unicode.Scalar], from start: Int, domainStart: Int, needsDot: Bool) -> Int? {
        guard let domain = domainLength(text, from: domainStart, needsDot: needsDot) else { return nil }
        var end = domainStart + domain
        while end < text.count, !CharacterClass.isASCIISpace(text[end]), text[end] != "<" { end += 1 }
        let trimmed = trailingPunctuationTrimmed(text, start: start, end: end)
        return trimmed > start ? trimmed : nil
    }

    /// cmark-gfm's `check_domain`: segments of letters, digits, `-` and `_` separated by dots, no underscore in
    /// the last two segments (unless there are more than ten), at least one dot when `needsDot`.
    private static func domainLength(_ text: [Unicode.Scalar], from start: Int, needsDot: Bool) -> Int? {
        let size = text.count - start
        var index = 1
        var dots = 0
        var underscoresBefore = 0
        var underscores = 0
        while index < size - 1 {
            if text[start + index] == "\\", index < size - 2 { index += 1 }
            let scalar = text[start + index]
            if scalar == "_" {
                underscores += 1
            } else if scalar == "." {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if CharacterClass.isSpace(scalar) || (CharacterClass.isPunctuation(scalar) && scalar != "-") {
                break
            }
            index += 1
        }
        if underscoresBefore > 0 || underscores > 0, dots <= 10 { return nil }
        return needsDot && dots == 0 ? nil : index
    }

    /// cmark-gfm's `autolink_delim`: the end without a `<` and what follows it, trailing `?!.,:*_~'"`, a trailing
    /// entity-like `&name;`, and closing parentheses that outnumber the opening ones.
    private static func trailingPunctuationTrimmed(_ text: [Unicode.Scalar], start: Int, end: Int) -> Int {
        var end = text[start..<end].firstIndex(of: "<") ?? end
        let opening = text[start..<end].count { $0 == "(" }
        var closing = text[start..<end].count { $0 == ")" }
        while end > start {
            let last = text[end - 1]
            if "?!.,:*_~'\"".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ";" {
                var name = end - 2
                while name > start, CharacterClass.isASCIILetter(text[name]) { name -= 1 }
                end = name < end - 2 && name >= start && text[name] == "&" ? name : end - 1
            } else if last == ")", closing > opening {
                closing -= 1
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }
}
