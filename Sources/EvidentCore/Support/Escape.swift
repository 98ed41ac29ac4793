/// Escaping text for the HTML and XML we generate ourselves.
package enum Escape {
    /// Escapes `&`, `<`, `>`, `"` and `'`: safe in element content and in quoted attributes, for HTML and XML.
    ///
    /// Works on UTF-8 bytes: every byte it changes or drops is ASCII, which in UTF-8 never occurs inside a
    /// multi-byte scalar. Text with nothing to escape (most titles, the feed's prose) is returned as it is.
    package static func html(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(where: needsWork) else { return String(text) }
        var result: [UInt8] = []
        appendHTML(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends `text` escaped as `html(_:)` does to `bytes`: a feed entry escapes a whole page into the bytes it
    /// is made of, with no string in between.
    package static func appendHTML(_ text: some StringProtocol, to bytes: inout [UInt8]) {
        // Strings are contiguous UTF-8: read them in place rather than copying.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0, to: &bytes) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { append($0, to: &bytes) } }
    }

    private static func append(_ source: UnsafeBufferPointer<UInt8>, to result: inout [UInt8]) {
        result.reserveCapacity(result.count + source.count + source.count / 8)
        var start = 0  // the first byte not yet copied; plain runs (lines and all) are copied at once
        for index in source.indices where needsWork(source[index]) {
            result.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index]))
            start = index + 1
            switch source[index] {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
            default: break  // other control characters are not allowed in XML 1.0
            }
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
    }

    /// Whether a byte is escaped or dropped: tab, newline and carriage return are kept as they are.
    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            return false
        case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }
}
