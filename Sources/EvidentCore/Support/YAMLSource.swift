import Foundation
import Yams

/// A YAML text that sits at a known line of a file, so every error can point at the line the author sees.
package struct YAMLSource {
    /// The file the YAML came from, relative to the site.
    var file: String
    /// The file line of the YAML's first line.
    var firstLine: Int
    var text: String

    package init(file: String, firstLine: Int, text: String) {
        self.file = file
        self.firstLine = firstLine
        self.text = text
    }

    /// The file location of a node of this YAML.
    func location(of node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark.map { firstLine + $0.line - 1 } ?? firstLine)
    }

    /// Parses the text into a node tree (nil for an empty text); a syntax error or a key given twice becomes an
    /// `EvidentError` at the line the author sees, naming `what` the YAML is ("front matter", "the bench
    /// directive"). Front matter, site.yml and directives all come through here, so the limits on aliases hold
    /// for each: none in a key (`YAMLAliasKeys`), and at most so many values once expanded (`YAMLExpansion`).
    package func compose(what: String) throws -> Node? {
        try YAMLAliasKeys.check(self, what: what)
        guard let root = try composeText(text, what: what) else { return nil }
        try YAMLExpansion.check(root, in: self, what: what)
        return root
    }

    /// Composes `text`, this source's text or a stand-in with the same lines; errors quote it with each
    /// `restoring.stand` written back as `restoring.original`.
    func composeText(_ text: String, what: String, restoring: (stand: String, original: String)? = nil) throws
        -> Node?
    {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw translate(error, what: what) { text in
                restoring.map { text.replacingOccurrences(of: $0.stand, with: $0.original) } ?? text
            }
        }
    }

    /// Parses the text into a mapping (an empty text is an empty mapping).
    func mapping(what: String) throws -> Node.Mapping {
        guard let node = try compose(what: what) else { return Node.Mapping([]) }
        guard let mapping = node.mapping else {
            throw EvidentError(YAMLFailure.notAMapping(document: what), at: location(of: node))
        }
        return mapping
    }

    /// The parser's error as a failure at its line, its words passed through `restore`.
    private func translate(_ error: YamlError, what: String, restore: (String) -> String) -> EvidentError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return EvidentError(
                YAMLFailure.syntax(document: what, problem: restore(problem)),
                at: SourceLocation(file: file, line: firstLine + mark.line - 1))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let line = secondLine(of: key, after: context.mark) ?? context.mark.line
            return EvidentError(
                YAMLFailure.keyTwice(restore(key), document: what),
                at: SourceLocation(file: file, line: firstLine + line - 1))
        default:
            return EvidentError(
                YAMLFailure.syntax(document: what, problem: restore("\(error)")),
                at: SourceLocation(file: file, line: firstLine))
        }
    }

    /// The YAML line of the second `key:` at the column of the first one, when it is written in block style.
    private func secondLine(of key: String, after first: Mark) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices.dropFirst(first.line) {
            let rest = lines[index].dropFirst(first.column - 1)
            guard rest.hasPrefix(key) else { continue }
            if rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return index + 1
            }
        }
        return nil
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
