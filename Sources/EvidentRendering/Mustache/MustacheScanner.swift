/// Splits Mustache source into text, line breaks and tags, switching delimiters at each `{{=<% %>=}}` tag.
struct MustacheScanner {
    private let bytes: [UInt8]
    private var open = Array("{{".utf8)
    private var close = Array("}}".utf8)
    private var tokens: [MustacheToken] = []
    private var line = 1
    private var index = 0
    private var textStart = 0

    /// The tokens of `source`, in order.
    /// - Throws: `TemplateSyntaxError` for a tag that is not closed, names nothing, or sets bad delimiters.
    static func tokens(in source: String) throws -> [MustacheToken] {
        var scanner = MustacheScanner(bytes: Array(source.utf8))
        try scanner.scan()
        return scanner.tokens
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func scan() throws {
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                let start = index > textStart && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                flushText(upTo: start)
                tokens.append(MustacheToken(kind: .lineBreak, content: text(start..<index + 1), line: line))
                line += 1
                index += 1
                textStart = index
            } else if matches(open, at: index) {
                flushText(upTo: index)
                try scanTag()
                textStart = index
            } else {
                index += 1
            }
        }
        flushText(upTo: bytes.count)
    }

    private mutating func flushText(upTo end: Int) {
        guard textStart < end else { return }
        tokens.append(MustacheToken(kind: .text, content: text(textStart..<end), line: line))
    }

    /// Reads the tag at `index` and moves past it.
    private mutating func scanTag() throws {
        let start = index
        var contentStart = index + open.count
        let sigil = contentStart < bytes.count ? bytes[contentStart] : 0
        let kind = Self.kinds[sigil] ?? .value
        var closing = close
        if kind != .value {
            contentStart += 1
            if sigil == UInt8(ascii: "{") { closing = Array("}".utf8) + close }
            if sigil == UInt8(ascii: "=") { closing = Array("=".utf8) + close }
        }
        guard let end = firstMatch(closing, from: contentStart) else {
            throw TemplateSyntaxError.unclosedTag(
                firstLine(from: start), line: line, close: String(decoding: closing, as: UTF8.self))
        }
        let raw = text(contentStart..<end)
        let source = text(start..<end + closing.count)
        let content = Self.trimmed(raw)
        switch kind {
        case .comment:
            break
        case .delimiters:
            let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw TemplateSyntaxError.badDelimiters(source, line: line)
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        default:
            if raw.contains("\n") || raw.contains(String(decoding: open, as: UTF8.self)) {
                throw TemplateSyntaxError.unclosedTag(
                    firstLine(from: start), line: line, close: String(decoding: closing, as: UTF8.self))
            }
            guard
                Self.isName(
                    content, dotted: kind == .value || kind == .unescaped || kind == .section || kind == .inverted)
            else {
                throw TemplateSyntaxError.badName(source, line: line)
            }
        }
        tokens.append(MustacheToken(kind: .tag(kind), content: content, source: source, line: line))
        line += raw.utf8.count(where: { $0 == UInt8(ascii: "\n") })
        index = end + closing.count
    }

    private static let kinds: [UInt8: TagKind] = [
        UInt8(ascii: "#"): .section, UInt8(ascii: "^"): .inverted, UInt8(ascii: "/"): .close,
        UInt8(ascii: "!"): .comment, UInt8(ascii: ">"): .partial, UInt8(ascii: "<"): .parent,
        UInt8(ascii: "$"): .block, UInt8(ascii: "="): .delimiters, UInt8(ascii: "&"): .unescaped,
        UInt8(ascii: "{"): .unescaped,
    ]

    /// A name without spaces; a dotted one (`page.title`) has no empty part, unless it is `.` alone.
    private static func isName(_ name: String, dotted: Bool) -> Bool {
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else { return false }
        return !dotted || name == "." || !name.split(separator: ".", omittingEmptySubsequences: false).contains("")
    }

    /// Without leading and trailing white space (compared by Unicode scalar, which is all white space is).
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    private func matches(_ delimiter: [UInt8], at position: Int) -> Bool {
        position + delimiter.count <= bytes.count
            && bytes[position..<position + delimiter.count].elementsEqual(delimiter)
    }

    private func firstMatch(_ delimiter: [UInt8], from position: Int) -> Int? {
        var candidate = position
        while candidate + delimiter.count <= bytes.count {
            if matches(delimiter, at: candidate) { return candidate }
            candidate += 1
        }
        return nil
    }

    /// The source from `start` to the end of its line, to show an unclosed tag.
    private func firstLine(from start: Int) -> String {
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        return Self.trimmed(text(start..<end))
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
