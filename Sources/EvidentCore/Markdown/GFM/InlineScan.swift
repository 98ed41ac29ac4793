/// Finds what GFM's inline extensions mark in one run of text: strikethrough delimiters, footnote references,
/// extended autolinks and a task list marker, left to right, none overlapping.
struct InlineScan {
    var run: InlineRun
    /// The keys of the footnotes defined in the document.
    var footnoteKeys: Set<String>
    /// Outside links and images: autolinks and footnote references may appear.
    var allowsLinks: Bool

    /// The tokens in order; `startsTask` when the run begins a task list item's paragraph and may hold its marker.
    func tokens(startsTask: Bool) -> [InlineToken] {
        var tokens: [InlineToken] = []
        let text = run.scalars
        var index = 0
        if startsTask, let checked = taskMarker() {
            tokens.append(InlineToken(range: 0..<3, kind: .taskListMarker(isChecked: checked)))
            index = 3
        }
        var floor = index
        while index < text.count {
            if run.isLiteral[index] {
                index += 1
                continue
            }
            if let token = token(at: index, floor: floor) {
                tokens.append(token)
                index = token.range.upperBound
                floor = index
            } else if text[index] == "~" {
                index = tildeRunEnd(index)  // three tildes or more: text
                floor = index
            } else {
                index += 1
            }
        }
        return tokens
    }

    private func token(at index: Int, floor: Int) -> InlineToken? {
        let text = run.scalars
        switch text[index] {
        case "~":
            let end = tildeRunEnd(index)
            guard end - index <= 2 else { return nil }
            let flanking = Flanking(before: run.scalar(before: index), after: run.scalar(at: end))
            guard flanking.left || flanking.right else { return nil }
            return InlineToken(range: index..<end, kind: .tilde(canOpen: flanking.left, canClose: flanking.right))
        case "[" where allowsLinks:
            return footnoteReference(at: index)
        case "w" where allowsLinks:
            return Autolink.www(text, at: index, after: run.scalar(before: index)).map(Self.autolink)
        case ":" where allowsLinks:
            return Autolink.url(text, colon: index, floor: floor).map(Self.autolink)
        case "@" where allowsLinks:
            return Autolink.email(text, at: index, floor: floor).map(Self.autolink)
        default:
            return nil
        }
    }

    private static func autolink(_ found: Autolink.Found) -> InlineToken {
        InlineToken(range: found.range, kind: .autolink(url: found.url))
    }

    private func tildeRunEnd(_ start: Int) -> Int {
        var end = start
        while end < run.scalars.count, run.scalars[end] == "~", !run.isLiteral[end] { end += 1 }
        return end
    }

    /// `[^label]` whose label names a defined footnote.
    private func footnoteReference(at start: Int) -> InlineToken? {
        let text = run.scalars
        guard start + 1 < text.count, text[start + 1] == "^", !run.isLiteral[start + 1] else { return nil }
        var end = start + 2
        while end < text.count, text[end] != "]", !CharacterClass.isSpace(text[end]) { end += 1 }
        guard end > start + 2, end < text.count, text[end] == "]", !run.isLiteral[end] else { return nil }
        let key = String(String.UnicodeScalarView(text[start + 2..<end])).lowercased()
        guard footnoteKeys.contains(key) else { return nil }
        return InlineToken(range: start..<end + 1, kind: .footnoteReference(key: key))
    }

    /// `[ ]`, `[x]` or `[X]` then white space: whether it is checked.
    private func taskMarker() -> Bool? {
        let text = run.scalars
        guard text.count >= 3, text[0] == "[", text[2] == "]", !run.isLiteral[0], !run.isLiteral[2],
            text.count == 3 || text[3] == " " || text[3] == "\t"
        else { return nil }
        switch text[1] {
        case " ": return false
        case "x", "X": return true
        default: return nil
        }
    }
}

/// Whether a delimiter run is left- and right-flanking, from the characters around it (CommonMark's rules).
struct Flanking {
    var left: Bool
    var right: Bool

    init(before: Unicode.Scalar, after: Unicode.Scalar) {
        let spaceBefore = CharacterClass.isSpace(before)
        let spaceAfter = CharacterClass.isSpace(after)
        let punctuationBefore = CharacterClass.isPunctuation(before)
        let punctuationAfter = CharacterClass.isPunctuation(after)
        left = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore)
        right = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter)
    }
}
