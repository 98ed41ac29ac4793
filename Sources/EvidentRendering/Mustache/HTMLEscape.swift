/// Escapes text for HTML as `{{name}}` does: `&`, `<`, `>`, `"` and `'`, copying the runs between them whole.
/// Control characters other than tab, line feed and carriage return are dropped, as `Escape.html` drops them: a
/// NUL or an escape from a YAML `"\0"` in front matter has no place in a page (nor in XML at all).
enum HTMLEscape {
    static func append(_ text: String, to output: inout String) {
        // Most texts (titles, headings, dates) have nothing to escape: one scan of the bytes, one append.
        var text = text
        guard text.withUTF8({ $0.contains(where: needsWork) }) else {
            output += text
            return
        }
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let entity: String
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            case let byte where byte < 0x20 && !isKeptWhitespace(byte): entity = ""
            default:
                bytes.formIndex(after: &index)
                continue
            }
            output += text[runStart..<index]
            output += entity
            bytes.formIndex(after: &index)
            runStart = index
        }
        output += text[runStart...]
    }

    private static func isKeptWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Whether a byte is escaped or dropped.
    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        case 0..<0x20: return !isKeptWhitespace(byte)
        default: return false
        }
    }
}
