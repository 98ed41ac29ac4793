/// Where a line of a paragraph starts once the markers of its containers are taken off, as cmark's block parser
/// takes them: `>` for each block quote, the content indent for each list item. A line that misses a marker is a
/// lazy continuation line.
///
/// Columns are byte columns, with a tab counted as one: tables and footnotes written with tabs before the text of
/// a list item may be read as lazy lines.
struct ContainerPrefix {
    /// One container around the paragraph, outermost first.
    private enum Step {
        case blockQuote
        /// A list item: its first line, where its content starts there, and how far later lines are indented.
        case item(firstLine: Int, contentStart: Int, indent: Int)
    }

    private var steps: [Step] = []
    private let lines: SourceLines

    /// The prefix of the containers of the node at `index`; nil when they are nested deeper than `maxDepth`.
    init?(of index: Int, in nodes: [MarkdownNode], lines: SourceLines, maxDepth: Int = 32) {
        self.lines = lines
        var chain: [Int] = []
        var parent = nodes[index].parent
        while let ancestor = parent {
            switch nodes[ancestor].kind {
            case .blockQuote, .item: chain.append(ancestor)
            default: break
            }
            guard chain.count <= maxDepth else { return nil }
            parent = nodes[ancestor].parent
        }
        for ancestor in chain.reversed() {
            let node = nodes[ancestor]
            guard case .item = node.kind else {
                steps.append(.blockQuote)
                continue
            }
            let line = node.range.startLine
            let outer = start(ofLine: line).position
            let content = Self.itemContentStart(marker: lines.line(line).lowerBound + node.range.startColumn - 1, lines)
            steps.append(.item(firstLine: line, contentStart: content, indent: content - outer))
        }
    }

    /// The byte offset where the line's content starts, and whether it is a lazy continuation line (then the
    /// offset is where the first missing marker should have been).
    func start(ofLine number: Int) -> (position: Int, isLazy: Bool) {
        let range = lines.line(number)
        let bytes = lines.bytes
        var position = range.lowerBound
        for step in steps {
            switch step {
            case .blockQuote:
                var spaces = 0
                while spaces < 3, position < range.upperBound, bytes[position] == UInt8(ascii: " ") {
                    position += 1
                    spaces += 1
                }
                guard position < range.upperBound, bytes[position] == UInt8(ascii: ">") else {
                    return (position, true)
                }
                position += 1
                if position < range.upperBound, bytes[position].isSpaceOrTab { position += 1 }
            case .item(let firstLine, let contentStart, let indent):
                if number == firstLine {
                    position = min(contentStart, range.upperBound)
                    continue
                }
                var skipped = 0
                while skipped < indent, position < range.upperBound, bytes[position].isSpaceOrTab {
                    position += 1
                    skipped += 1
                }
                if skipped < indent { return (position, true) }
            }
        }
        return (position, false)
    }

    /// Where a list item's content starts on its first line: after the marker (`-`, `12.`) and its padding, which
    /// is one space when the marker is followed by nothing or by five spaces or more.
    private static func itemContentStart(marker: Int, _ lines: SourceLines) -> Int {
        let bytes = lines.bytes
        var end = marker
        while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
        end = min(end + 1, bytes.count)  // the bullet, or the `.` / `)` after the digits
        var spaces = 0
        while end + spaces < bytes.count, bytes[end + spaces].isSpaceOrTab { spaces += 1 }
        let atLineEnd =
            end + spaces >= bytes.count || bytes[end + spaces] == UInt8(ascii: "\n")
            || bytes[end + spaces] == UInt8(ascii: "\r")
        return end + (atLineEnd || spaces >= 5 ? 1 : spaces)
    }
}
