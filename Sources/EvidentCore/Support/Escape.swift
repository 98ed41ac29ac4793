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

    /// Sizes the escaped text first, then writes it in place: plain runs are copied whole, entities byte by byte.
    private static func append(_ source: UnsafeBufferPointer<UInt8>, to result: inout [UInt8]) {
        guard let first = source.baseAddress, !source.isEmpty else { return }
        growth.withUnsafeBufferPointer { growth in
            var count = source.count
            for byte in source { count += Int(growth[Int(byte)]) }
            let start = result.count
            result.append(contentsOf: repeatElement(0, count: count))
            result.withUnsafeMutableBufferPointer { buffer in
                var next = buffer.baseAddress! + start
                var plain = 0  // the first byte not yet copied
                for index in source.indices where growth[Int(source[index])] != 0 {
                    next.update(from: first + plain, count: index - plain)
                    next += index - plain
                    let entity = replacement(source[index])
                    next.update(from: entity.utf8Start, count: entity.utf8CodeUnitCount)
                    next += entity.utf8CodeUnitCount
                    plain = index + 1
                }
                next.update(from: first + plain, count: source.count - plain)
            }
        }
    }

    /// By byte: how many bytes escaping it adds (an entity's length less one; -1 for a byte dropped), and so, where
    /// not 0, that it `needsWork`. A table, since a page is dense with markup to escape.
    private static let growth: [Int8] = (0...255).map { byte in
        needsWork(UInt8(byte)) ? Int8(replacement(UInt8(byte)).utf8CodeUnitCount - 1) : 0
    }

    /// What a byte that `needsWork` becomes: an entity, or nothing (other control characters are not allowed in
    /// XML 1.0).
    private static func replacement(_ byte: UInt8) -> StaticString {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: ""
        }
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
