/// Consecutive text nodes of an inline container, read as one text: cmark splits text at characters that may
/// be syntax (`_`, `[`, escapes), while GFM's inline extensions read across those splits.
struct InlineRun {
    /// The text as read for syntax: escaped characters as themselves.
    var scalars: [Unicode.Scalar] = []
    /// The text as parsed, escaped characters still private-use ones, for what is written back.
    var written: [Unicode.Scalar] = []
    /// Per scalar: written as a backslash escape, so never syntax.
    var isLiteral: [Bool] = []
    /// Where each text node starts in `scalars`, and its index.
    var nodeStarts: [(offset: Int, node: Int)] = []
    /// The character before the run (or what stands for the node or container edge there), and after it.
    var before: Unicode.Scalar = "\n"
    var after: Unicode.Scalar = "\n"

    /// Appends a text node's text; escaped characters (see `EscapedPunctuation`) join as the characters they
    /// stand for, marked literal.
    mutating func append(_ literal: String, node: Int) {
        nodeStarts.append((scalars.count, node))
        for scalar in literal.unicodeScalars {
            let character = EscapedPunctuation.character(scalar)
            scalars.append(character ?? scalar)
            written.append(scalar)
            isLiteral.append(character != nil)
        }
    }

    /// Whether a text may hold an extension: a `~`, `@`, `^`, `://` or `www.`.
    static func mayHoldExtension(_ literal: String) -> Bool {
        literal.utf8.withContiguousStorageIfAvailable(holdsExtensionMark)
            ?? Array(literal.utf8).withUnsafeBufferPointer(holdsExtensionMark)
    }

    /// `mayHoldExtension` on the bytes in place: the bytes before a `/` or `.` are looked at only there.
    private static func holdsExtensionMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "~"), UInt8(ascii: "@"), UInt8(ascii: "^"): return true
            case UInt8(ascii: "/") where index >= 2:
                if bytes[index - 2] == UInt8(ascii: ":") && bytes[index - 1] == UInt8(ascii: "/") { return true }
            case UInt8(ascii: ".") where index >= 3:
                if bytes[index - 3] == UInt8(ascii: "w") && bytes[index - 2] == UInt8(ascii: "w")
                    && bytes[index - 1] == UInt8(ascii: "w")
                {
                    return true
                }
            default: break
            }
        }
        return false
    }

    /// The index of the text node holding scalar `offset`.
    func node(at offset: Int) -> Int {
        var low = 0
        var high = nodeStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if nodeStarts[middle].offset <= offset { low = middle } else { high = middle - 1 }
        }
        return nodeStarts[low].node
    }

    /// The scalar before `offset`, or `before` at the start.
    func scalar(before offset: Int) -> Unicode.Scalar {
        offset > 0 ? scalars[offset - 1] : before
    }

    /// The scalar at `offset`, or `after` past the end.
    func scalar(at offset: Int) -> Unicode.Scalar {
        offset < scalars.count ? scalars[offset] : after
    }
}

/// Something an inline extension found in a run.
struct InlineToken {
    enum Kind {
        /// A run of one or two `~` that may open or close a strikethrough.
        case tilde(canOpen: Bool, canClose: Bool)
        case footnoteReference(key: String)
        case autolink(url: String)
        case taskListMarker(isChecked: Bool)
    }

    var range: Range<Int>
    var kind: Kind
}
