import Yams

/// A YAML text that sits at a known line of a file, so every error can point at the line the author sees.
struct YAMLSource {
    /// The file the YAML came from, relative to the site.
    var file: String
    /// The file line of the YAML's first line.
    var firstLine: Int
    var text: String

    /// The file location of a node of this YAML.
    func location(of node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark.map { firstLine + $0.line - 1 } ?? firstLine)
    }

    /// Parses the text into a mapping (an empty text is an empty mapping).
    func mapping(what: String) throws -> Node.Mapping {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw translate(error, what: what)
        }
        guard let node else { return Node.Mapping([]) }
        guard let mapping = node.mapping else {
            throw EvidentError(
                .input, at: location(of: node), "\(what) is not a mapping of keys to values",
                fix: "write it as `key: value` lines")
        }
        return mapping
    }

    private func translate(_ error: YamlError, what: String) -> EvidentError {
        let fix = "fix the YAML syntax (indentation, quotes, a missing `:`)"
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return EvidentError(
                .input, at: SourceLocation(file: file, line: firstLine + mark.line - 1),
                "malformed YAML in \(what): \(problem)", fix: fix)
        case .duplicatedKeysInMapping(let duplicates, _):
            return EvidentError(
                .input, at: SourceLocation(file: file, line: firstLine),
                "duplicate keys in \(what): \(duplicates.joined(separator: ", "))", fix: "keep one of each key")
        default:
            return EvidentError(
                .input, at: SourceLocation(file: file, line: firstLine), "malformed YAML in \(what)", fix: fix)
        }
    }
}

extension Node.Mapping {
    /// The value node of a string key.
    subscript(key name: String) -> Node? {
        self[Node(name)]
    }

    /// The keys as strings, in the order written.
    var stringKeys: [(name: String, node: Node)] {
        map { ($0.key.string ?? "\($0.key)", $0.key) }
    }
}
