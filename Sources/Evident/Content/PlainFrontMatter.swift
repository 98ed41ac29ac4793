/// The front matter most essays have, read without a YAML parser: `key: value` lines whose values are plain or
/// quoted one-line texts, `true`/`false`, or lists of such texts (`[a, b]` or `- a` lines).
///
/// It answers only when YAML would read the text the same way, and returns nil for anything else (comments,
/// anchors, escapes, multi-line values, unknown or repeated keys...), which then goes to the YAML parser. On a
/// large site this skips YAML for nearly every essay.
enum PlainFrontMatter {
    /// The values of the keys, as texts, `true`/`false`, or lists of texts; nil when YAML must decide.
    static func read(_ text: Substring, keys: Set<String>) -> [String: PlainValue]? {
        var values: [String: PlainValue] = [:]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        if lines.last == "" { lines.removeLast() }
        while let line = lines.popFirst() {
            if line.allSatisfy({ $0 == " " }) { continue }
            guard let colon = line.firstIndex(of: ":"), case let key = String(line[..<colon]), keys.contains(key),
                values[key] == nil
            else { return nil }
            let rest = line[line.index(after: colon)...]
            if rest.allSatisfy({ $0 == " " }) {
                var items: [String] = []
                while let next = lines.first, let item = listItem(next) {
                    guard let value = item else { return nil }
                    items.append(value)
                    lines.removeFirst()
                }
                guard !items.isEmpty else { return nil }
                values[key] = .list(items)
                continue
            }
            guard rest.first == " " else { return nil }
            let value = rest.drop { $0 == " " }
            if value.first == "[" {
                guard let items = flowList(value) else { return nil }
                values[key] = .list(items)
            } else if value == "true" || value == "false" {
                values[key] = .bool(value == "true")
            } else {
                guard let scalar = scalar(value, inFlow: false) else { return nil }
                values[key] = .text(scalar)
            }
        }
        return values
    }

    /// A value of this reader.
    enum PlainValue: Equatable {
        case text(String)
        case bool(Bool)
        case list([String])
    }

    /// `- item` (indented or not): .some(text), .some(nil) for an item YAML must read, nil for another line.
    private static func listItem(_ line: Substring) -> String?? {
        let item = line.drop { $0 == " " }
        guard item.hasPrefix("- ") else { return nil }
        return .some(scalar(item.dropFirst(2).drop { $0 == " " }, inFlow: false))
    }

    /// `[a, b, c]` on one line, with plain or quoted items.
    private static func flowList(_ value: Substring) -> [String]? {
        guard value.last == "]" else { return nil }
        let inside = value.dropFirst().dropLast()
        if inside.allSatisfy({ $0 == " " }) { return [] }
        var items: [String] = []
        for part in inside.split(separator: ",", omittingEmptySubsequences: false) {
            guard let item = scalar(part.drop { $0 == " " }, inFlow: true) else { return nil }
            items.append(item)
        }
        return items
    }

    /// A one-line plain, `"double"` (without escapes) or `'single'` quoted text; nil when YAML might read it
    /// differently (including as null or as another type a text field would refuse).
    private static func scalar(_ raw: Substring, inFlow: Bool) -> String? {
        var value = raw
        while value.last == " " { value.removeLast() }
        guard let first = value.first, value.unicodeScalars.allSatisfy(isPlainPrintable) else { return nil }
        if first == "\"" {
            let inside = value.dropFirst().dropLast()
            guard value.count >= 2, value.last == "\"", !inside.contains("\""), !inside.contains("\\") else {
                return nil
            }
            return String(inside)
        }
        if first == "'" {
            guard value.count >= 2, value.last == "'" else { return nil }
            var text = ""
            var quote = false  // just after a quote inside: only a second quote (an escaped `'`) may follow
            for character in value.dropFirst().dropLast() {
                if quote {
                    guard character == "'" else { return nil }
                    text.append("'")
                    quote = false
                } else if character == "'" {
                    quote = true
                } else {
                    text.append(character)
                }
            }
            return quote ? nil : text
        }
        guard !"-?:,[]{}#&*!|>'\"%@`~".contains(first), !value.contains(": "), !value.contains(" #"),
            value.last != ":", !(inFlow && value.contains { ",[]{}".contains($0) }),
            !["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"].contains(value)
        else { return nil }
        return String(value)
    }

    /// Characters YAML reads as themselves inside a one-line scalar: printable, no tabs, and none of the Unicode
    /// line breaks (NEL, LS, PS) or the byte order mark.
    private static func isPlainPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF:
            return true
        default:
            return false
        }
    }
}
