/// Escaping text for the HTML and XML we generate ourselves.
package enum Escape {
    /// Escapes `&`, `<`, `>`, `"` and `'`: safe in element content and in quoted attributes, for HTML and XML.
    ///
    /// Works on UTF-8 bytes: every byte it changes or drops is ASCII, which in UTF-8 never occurs inside a
    /// multi-byte scalar. Text with nothing to escape (most titles, the feed's prose) is returned as it is.
    package static func html(_ text: some StringProtocol) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsWork) else { return String(text) }
        // Strings are contiguous UTF-8: read them in place rather than copying (the feed escapes whole pages).
        return utf8.withContiguousStorageIfAvailable { escape($0) } ?? escape(Array(utf8))
    }

    private static func escape(_ source: some RandomAccessCollection<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(source.count + source.count / 8)
        var start = source.startIndex  // the first byte not yet copied; plain runs are copied at once
        for index in source.indices where needsWork(source[index]) {
            let byte = source[index]
            result.append(contentsOf: source[start..<index])
            start = source.index(after: index)
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): result.append(byte)
            default: break  // other control characters are not allowed in XML 1.0
            }
        }
        result.append(contentsOf: source[start...])
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether a byte is escaped or dropped (tab, newline and carriage return are checked, then kept).
    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }
}
