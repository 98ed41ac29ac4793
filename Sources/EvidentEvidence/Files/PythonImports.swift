/// The modules a Python file imports: the first name of each `import x` / `from x import` line (also
/// `import x, y`, `import x.y as z`, `from .x import`, `from . import x, y` and indented imports), read line by
/// line without running
/// Python. Names that are not local files are filtered out by the caller.
enum PythonImports {
    /// The module names imported by `source`, each once, in the order they first appear.
    static func modules(in source: String) -> [String] {
        var names: [String] = []
        for line in source.split(whereSeparator: \.isNewline) {
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

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || first.isLetter else { return false }
        return name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
}
