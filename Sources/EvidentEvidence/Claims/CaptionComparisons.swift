/// The sentences of a caption that state a comparison (faster, slower, more, less, ahead, leads, better, worse,
/// same…) with nothing in them that the evidence checks: no inline reference (`` `=…` ``) and no inline claim
/// (`` `?…` ``). A caption is free text written against one run; such a sentence can say the opposite of the next.
package enum CaptionComparisons {
    /// Words that state a direction or an equality between measured things.
    static let words: Set<String> = [
        "faster", "slower", "quicker", "more", "less", "fewer", "ahead", "behind", "lead", "leads", "better",
        "worse", "same", "higher", "lower", "outperforms", "beats", "wins",
    ]

    /// The unchecked comparing sentences of `caption`, in order.
    package static func unchecked(_ caption: String) -> [String] {
        sentences(caption).filter { sentence in
            guard !sentence.contains("`=") && !sentence.contains("`?") else { return false }
            let tokens = sentence.lowercased().split { !$0.isLetter }
            return tokens.contains { words.contains(String($0)) }
        }
    }

    /// The sentences of `text`: split after `.`, `!` or `?` followed by a space, outside code spans.
    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var inCode = false
        var previous: Character = " "
        for character in text {
            if character == "`" { inCode.toggle() }
            if character == " ", !inCode, ".!?".contains(previous), !current.isEmpty {
                sentences.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
            current.append(character)
            previous = character
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { sentences.append(last) }
        return sentences
    }
}
