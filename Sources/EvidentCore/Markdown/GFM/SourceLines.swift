/// The lines of a Markdown text as cmark counts them (ended by LF, CR LF or CR), as byte ranges, so that a
/// node's 1-based line and byte column find its text.
struct SourceLines {
    /// The text's UTF-8 bytes.
    var bytes: [UInt8]
    /// Each line's bytes without its ending; line N (1-based) is `ranges[N - 1]`.
    var ranges: [Range<Int>]

    init(_ text: String) {
        bytes = Array(text.utf8)
        ranges = []
        var start = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                ranges.append(start..<index)
                start = index + 1
            case UInt8(ascii: "\r"):
                ranges.append(start..<index)
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                start = index + 1
            default:
                break
            }
            index += 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
    }

    /// The bytes of a 1-based line, empty past the end.
    func line(_ number: Int) -> Range<Int> {
        number >= 1 && number <= ranges.count ? ranges[number - 1] : bytes.count..<bytes.count
    }

    /// The text with some byte ranges replaced, each range within one line; the line count stays the same.
    func replacing(_ edits: [(range: Range<Int>, with: String)]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16 * edits.count)
        var copied = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            result += bytes[copied..<edit.range.lowerBound]
            result += edit.with.utf8
            copied = edit.range.upperBound
        }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }
}

extension UInt8 {
    /// A space or tab, the whitespace that indents Markdown lines.
    var isSpaceOrTab: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }
}
