import Foundation

/// A command line from a directive (`commands:` variants, probe tools) split into program arguments.
///
/// A line of plain words and quotes (`sleep 0.05`, `python3 -c 'print(1)'`) is split the way a shell would and
/// run directly, so that timing it does not include a shell's start-up. A line that uses shell syntax (pipes,
/// redirections, `;`, `&&`, `$`, globs, backticks, `~`, variable assignments) runs as `/bin/sh -c LINE`.
enum CommandLineWords {
    /// The arguments that run `line`: its words, or `["/bin/sh", "-c", line]` when it needs a shell.
    static func arguments(for line: String) -> [String] {
        split(line) ?? ["/bin/sh", "-c", line]
    }

    /// The words of `line` after quote removal, or nil when only a shell can run it.
    static func split(_ line: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var inWord = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch character {
            case " ", "\t":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "'":
                guard let quoted = singleQuoted(&characters) else { return nil }
                word += quoted
                inWord = true
            case "\"":
                guard let quoted = doubleQuoted(&characters) else { return nil }
                word += quoted
                inWord = true
            case "\\":
                guard let escaped = characters.next(), escaped != "\n" else { return nil }
                word.append(escaped)
                inWord = true
            case "~" where !inWord, "#" where !inWord:
                return nil
            case "=" where words.isEmpty:
                return nil
            default:
                if shellSyntax.contains(character) { return nil }
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// `words` as one line that a POSIX shell splits back into the same words (for "run this to reproduce").
    static func quoted(_ words: [String]) -> String {
        words.map { word in
            let plain = !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
            return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        }.joined(separator: " ")
    }

    private static let shellSyntax: Set<Character> = [
        "|", "&", ";", "<", ">", "(", ")", "$", "`", "*", "?", "[", "]", "{", "}", "\n", "\r",
    ]

    /// The rest of a `'...'` word, or nil when the quote is not closed.
    private static func singleQuoted(_ characters: inout String.Iterator) -> String? {
        var text = ""
        while let character = characters.next() {
            if character == "'" { return text }
            text.append(character)
        }
        return nil
    }

    /// The rest of a `"..."` word, or nil when it is not closed or expands something (`$`, backticks).
    private static func doubleQuoted(_ characters: inout String.Iterator) -> String? {
        var text = ""
        while let character = characters.next() {
            switch character {
            case "\"":
                return text
            case "$", "`":
                return nil
            case "\\":
                guard let escaped = characters.next() else { return nil }
                if escaped == "\n" { continue }  // a line continuation
                if !"$`\"\\".contains(escaped) { text.append("\\") }
                text.append(escaped)
            default:
                text.append(character)
            }
        }
        return nil
    }
}
