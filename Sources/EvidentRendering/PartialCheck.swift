import EvidentCore
import Foundation

/// Finds `{{>name}}` and `{{<name}}` tags that name no template, which Mustache would silently render as nothing.
enum PartialCheck {
    static func verify(sources: [String: TemplateSource], known: Set<String>) throws {
        for (path, source) in sources.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            for (line, number) in zip(source.text.split(separator: "\n", omittingEmptySubsequences: false), 1...) {
                for name in referencedTemplates(in: line) where !known.contains(name + ".mustache") {
                    throw EvidentError(
                        .input, at: SourceLocation(file: source.displayName(path), line: number),
                        "the template refers to `\(name)`, which does not exist",
                        fix: "add templates/\(name).mustache or correct the name")
                }
            }
        }
    }

    /// The names in `{{> name}}` and `{{< name}}` tags of one line (found on UTF-8 bytes: every delimiter is ASCII).
    static func referencedTemplates(in line: Substring) -> [String] {
        var names: [String] = []
        let bytes = Array(line.utf8)
        var position = 0
        while let open = find([UInt8(ascii: "{"), UInt8(ascii: "{")], in: bytes, from: position) {
            guard let close = find([UInt8(ascii: "}"), UInt8(ascii: "}")], in: bytes, from: open + 2) else { break }
            let tag = String(decoding: bytes[(open + 2)..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if let sigil = tag.first, sigil == ">" || sigil == "<" {
                names.append(tag.dropFirst().trimmingCharacters(in: .whitespaces))
            }
            position = close + 2
        }
        return names
    }

    private static func find(_ pair: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count - 1 else { return nil }
        return (start..<bytes.count - 1).first { bytes[$0] == pair[0] && bytes[$0 + 1] == pair[1] }
    }
}
