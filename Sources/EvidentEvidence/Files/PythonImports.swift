/// The modules a Python file imports: the first name of each `import x` / `from x import` line (also
/// `import x, y`, `import x.y as z`, `from .x import`, `from . import x, y` and indented imports), read line by
/// line without running
/// Python. Names that are not local files are filtered out by the caller.
enum PythonImports {
    /// The module names imported by `source`, each once, in the order they first appear.
    static func modules(in source: String) -> [String] {
        var names: [String] = []
        for line in importLines(source) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let keyword = words.first else { continue }
            let targets: [Substring]
            switch keyword {
            case "from" where words.count > 1 && words[1].allSatisfy({ $0 == "." }):
                // `from . import a, b`: the names are modules beside the file.
                targets = words.drop { $0 != "import" }.dropFirst().joined(separator: " ").split(separator: ",")
            case "from": targets = Array(words.dropFirst().prefix(1))
            case "import": targets = words.dropFirst().joined(separator: " ").split(separator: ",")
            default: continue
            }
            for target in targets {
                let dotted = target.split(separator: " ").first?.drop { $0 == "." || $0 == "(" } ?? ""
                let name = String(dotted.prefix { $0 != "." && $0 != ")" })
                if isIdentifier(name), !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// The lines of `source` (split where `Character.isNewline` splits) whose first word, after spaces and tabs, is
    /// `import` or `from`: found byte by byte, since most lines of a file are neither and splitting every line into
    /// characters was most of the time spent here.
    private static func importLines(_ source: String) -> [String] {
        var source = source
        return source.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            var index = 0
            while index <= bytes.count {
                let breakLength = index == bytes.count ? 1 : lineBreakLength(bytes, at: index)
                guard breakLength > 0 else {
                    index += 1
                    continue
                }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if startsWithImportKeyword(line) { lines.append(String(decoding: line, as: UTF8.self)) }
                index += breakLength
                start = index
            }
            return lines
        }
    }

    /// The length in bytes of the line break at `index` (U+000A to U+000D, U+0085, U+2028, U+2029), or 0.
    private static func lineBreakLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A...0x0D: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
            return 3
        default: return 0
        }
    }

    /// Whether `line`, after spaces and tabs, starts with the word `import` or `from`.
    private static func startsWithImportKeyword(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        let rest = line[first...]
        return ["import", "from"].contains { keyword in
            rest.starts(with: keyword.utf8)
                && (rest.count == keyword.utf8.count || [0x20, 0x09].contains(rest[first + keyword.utf8.count]))
        }
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || first.isLetter else { return false }
        return name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
}
