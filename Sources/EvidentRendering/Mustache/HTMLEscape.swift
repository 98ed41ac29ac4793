/// Escapes text for HTML as `{{name}}` does: `&`, `<`, `>`, `"` and `'`, copying the runs between them whole.
enum HTMLEscape {
    static func append(_ text: String, to output: inout String) {
        // Most texts (titles, headings, dates) have nothing to escape: one scan of the bytes, one append.
        var text = text
        guard text.withUTF8({ $0.contains(where: needsEscape) }) else {
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

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        default: return false
        }
    }
}
