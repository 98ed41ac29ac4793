/// Whether a line after a table's rows starts another block, which ends the table.
///
/// Only the starts that cannot interrupt a paragraph need looking for here (the others already ended the
/// paragraph the table was read from), but all are checked: an indented code line, a list item of any kind (an
/// empty one, or numbered from other than 1), a thematic break (`---` under rows is a break, not a setext
/// underline), and an HTML tag alone on its line.
enum TableEnd {
    static func endsTable(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        var indent = 0
        while start < range.upperBound, bytes[start].isSpaceOrTab {
            indent += bytes[start] == UInt8(ascii: "\t") ? 4 : 1
            start += 1
        }
        if indent >= 4 || start == range.upperBound { return true }
        let line = bytes[start..<range.upperBound]
        return isListMarker(line) || isThematicBreak(line) || isLoneTag(line) || line.first == UInt8(ascii: ">")
    }

    private static func isListMarker(_ line: ArraySlice<UInt8>) -> Bool {
        var end = line.startIndex
        if [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*")].contains(line[end]) {
            end += 1
        } else {
            while end < line.endIndex, end - line.startIndex < 9, (48...57).contains(line[end]) { end += 1 }
            guard end > line.startIndex, end < line.endIndex,
                line[end] == UInt8(ascii: ".") || line[end] == UInt8(ascii: ")")
            else { return false }
            end += 1
        }
        return end == line.endIndex || line[end].isSpaceOrTab
    }

    private static func isThematicBreak(_ line: ArraySlice<UInt8>) -> Bool {
        guard let mark = line.first, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_")].contains(mark) else {
            return false
        }
        var count = 0
        for byte in line {
            if byte == mark {
                count += 1
            } else if !byte.isSpaceOrTab {
                return false
            }
        }
        return count >= 3
    }

    /// `<tag attributes>` or `</tag>` with nothing after it: an HTML block of CommonMark's seventh kind.
    private static func isLoneTag(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.first == UInt8(ascii: "<"), let close = line.firstIndex(of: UInt8(ascii: ">")) else { return false }
        var name = line.startIndex + 1
        if name < close, line[name] == UInt8(ascii: "/") { name += 1 }
        guard name < close, isLetter(line[name]) else { return false }
        return line[(close + 1)...].allSatisfy(\.isSpaceOrTab)
            && !line[line.startIndex + 1..<close].contains(UInt8(ascii: "<"))
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte)
    }
}
