/// The front matter most essays have, read without a YAML parser: `key: value` lines whose values are plain or
/// quoted one-line texts, `true`/`false`, or lists of such texts (`[a, b]` or `- a` lines).
///
/// It answers only when YAML would read the text the same way, and returns nil for anything else (comments,
/// anchors, escapes, multi-line values, unknown or repeated keys...), which then goes to the YAML parser. On a
/// large site this skips YAML for nearly every essay. It works on UTF-8 bytes: every byte it looks for is ASCII.
enum PlainFrontMatter {
    /// A value of this reader.
    enum PlainValue: Equatable {
        case text(String)
        case bool(Bool)
        case list([String])
    }

    private typealias Bytes = ArraySlice<UInt8>

    /// The values of the keys, as texts, `true`/`false`, or lists of texts; nil when YAML must decide.
    static func read(_ text: Substring, keys: Set<String>) -> [String: PlainValue]? {
        let bytes = Array(text.utf8)
        guard isPlainPrintable(bytes) else { return nil }
        var lines = bytes.split(separator: newline, omittingEmptySubsequences: false)[...]
        var values: [String: PlainValue] = [:]
        while let line = lines.popFirst() {
            if line.allSatisfy({ $0 == space }) { continue }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
                line[..<colon].allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == underscore }),
                case let key = String(decoding: line[..<colon], as: UTF8.self), keys.contains(key), values[key] == nil
            else { return nil }
            let rest = line[(colon + 1)...]
            if rest.allSatisfy({ $0 == space }) {
                var items: [String] = []
                while let next = lines.first, case let item = next.drop(while: { $0 == space }), item.starts(with: dash)
                {
                    guard let value = scalar(item.dropFirst(2).drop { $0 == space }, inFlow: false) else { return nil }
                    items.append(value)
                    lines.removeFirst()
                }
                guard !items.isEmpty else { return nil }
                values[key] = .list(items)
                continue
            }
            guard rest.first == space else { return nil }
            let value = trimmed(rest.drop { $0 == space })
            if value.first == UInt8(ascii: "[") {
                guard let items = flowList(value) else { return nil }
                values[key] = .list(items)
            } else if value.elementsEqual("true".utf8) || value.elementsEqual("false".utf8) {
                values[key] = .bool(value.count == 4)
            } else {
                guard let scalar = scalar(value, inFlow: false) else { return nil }
                values[key] = .text(scalar)
            }
        }
        return values
    }

    /// `[a, b, c]` on one line, with plain or quoted items.
    private static func flowList(_ value: Bytes) -> [String]? {
        guard value.last == UInt8(ascii: "]") else { return nil }
        let inside = value.dropFirst().dropLast()
        if inside.allSatisfy({ $0 == space }) { return [] }
        var items: [String] = []
        for part in inside.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            guard let item = scalar(part.drop { $0 == space }, inFlow: true) else { return nil }
            items.append(item)
        }
        return items
    }

    /// A one-line plain, `"double"` (without escapes) or `'single'` quoted text; nil when YAML might read it
    /// differently (including as null, or as a boolean a text field would refuse).
    private static func scalar(_ raw: Bytes, inFlow: Bool) -> String? {
        let value = trimmed(raw)
        guard let first = value.first else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard value.count >= 2, value.last == first else { return nil }
            return quoted(value.dropFirst().dropLast(), quote: first)
        }
        guard !plainIndicators.contains(first), value.last != UInt8(ascii: ":"),
            !contains(value, [UInt8(ascii: ":"), space]), !contains(value, [space, UInt8(ascii: "#")]),
            !(inFlow && value.contains { flowIndicators.contains($0) })
        else { return nil }
        let text = String(decoding: value, as: UTF8.self)
        return reservedWords.contains(text) ? nil : text
    }

    /// The inside of a quoted scalar: `"` quotes take no `"` or `\`; in `'` quotes, `''` is one `'`.
    private static func quoted(_ inside: Bytes, quote: UInt8) -> String? {
        if quote == UInt8(ascii: "\"") {
            guard !inside.contains(quote), !inside.contains(UInt8(ascii: "\\")) else { return nil }
            return String(decoding: inside, as: UTF8.self)
        }
        var text: [UInt8] = []
        var afterQuote = false  // a quote inside must be followed by a second one
        for byte in inside {
            if afterQuote {
                guard byte == quote else { return nil }
                afterQuote = false
            } else if byte == quote {
                afterQuote = true
                continue
            }
            text.append(byte)
        }
        return afterQuote ? nil : String(decoding: text, as: UTF8.self)
    }

    /// No tab or control character, and none of the Unicode line breaks (NEL, LS, PS), C1 controls, byte order
    /// mark or non-characters that YAML treats specially.
    private static func isPlainPrintable(_ bytes: [UInt8]) -> Bool {
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case newline, 0x20..<0x7F, 0x80..<0xC2, 0xC3..<0xE2, 0xE3..<0xEF, 0xF0...0xFF: continue
            case 0xC2: if index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
            case 0xE2:
                if index + 2 < bytes.count, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                {
                    return false
                }
            case 0xEF:
                if index + 2 < bytes.count,
                    (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF)
                        || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE)
                {
                    return false
                }
            default: return false
            }
        }
        return true
    }

    private static func trimmed(_ value: Bytes) -> Bytes {
        var value = value
        while value.last == space { value.removeLast() }
        return value
    }

    private static func contains(_ value: Bytes, _ pair: [UInt8]) -> Bool {
        zip(value, value.dropFirst()).contains { $0 == pair[0] && $1 == pair[1] }
    }

    private static let (newline, space, underscore) = (UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: "_"))
    private static let dash: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: " ")]
    private static let plainIndicators = Set("-?:,[]{}#&*!|>'\"%@`~".utf8)
    private static let flowIndicators = Set(",[]{}".utf8)
    private static let reservedWords: Set<String> = [
        "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
    ]
}
