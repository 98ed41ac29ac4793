/// The cells of one table row, split as cmark-gfm splits them: at each `|` not escaped by a backslash, a
/// leading and a trailing pipe optional, spaces around each cell trimmed, `\|` turned into `|`.
enum TableRow {
    /// The cells' texts of the line `bytes[range]`, nil when it holds none (`|` alone).
    static func cells(_ bytes: [UInt8], _ range: Range<Int>) -> [String]? {
        var cells: [String] = []
        var position = range.lowerBound
        while position < range.upperBound, bytes[position].isSpaceOrTab { position += 1 }
        if position < range.upperBound, bytes[position] == pipe { position = afterPipe(bytes, position, range) }
        while position < range.upperBound {
            let start = position
            var text: [UInt8] = []
            while position < range.upperBound, bytes[position] != pipe {
                if bytes[position] == backslash, position + 1 < range.upperBound, bytes[position + 1] == pipe {
                    position += 1
                }
                text.append(bytes[position])
                position += 1
            }
            if position < range.upperBound {
                cells.append(trimmed(text))
                position = afterPipe(bytes, position, range)
            } else if position > start {
                cells.append(trimmed(text))
            }
        }
        return cells.isEmpty ? nil : cells
    }

    /// The alignments of a delimiter row (`| :-- | --: |`), nil when the line is not one: each cell is hyphens
    /// with an optional colon at either end, and the row is indented less than four columns.
    static func delimiter(_ bytes: [UInt8], _ range: Range<Int>) -> [MarkdownTableAlignment]? {
        var indent = 0
        while range.lowerBound + indent < range.upperBound, bytes[range.lowerBound + indent].isSpaceOrTab {
            indent += 1
        }
        guard indent < 4, let cells = cells(bytes, range) else { return nil }
        var alignments: [MarkdownTableAlignment] = []
        for cell in cells {
            let left = cell.hasPrefix(":")
            let right = cell.hasSuffix(":") && cell.count > 1
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }

    private static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")

    private static func afterPipe(_ bytes: [UInt8], _ position: Int, _ range: Range<Int>) -> Int {
        var next = position + 1
        while next < range.upperBound, bytes[next].isSpaceOrTab || bytes[next] == 0x0B || bytes[next] == 0x0C {
            next += 1
        }
        return next
    }

    private static func trimmed(_ text: [UInt8]) -> String {
        let isSpace: (UInt8) -> Bool = { $0.isSpaceOrTab || $0 == 0x0B || $0 == 0x0C }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(decoding: text[first...last], as: UTF8.self)
    }
}
