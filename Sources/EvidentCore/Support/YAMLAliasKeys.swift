import Foundation
import Yams

/// Refuses an alias (`*name`) used as a mapping key, or inside one, before Yams composes the text. Yams hashes
/// every key to find duplicates, and an alias in a key is hashed with its whole expansion: a few hundred bytes of
/// nested aliases keep it busy for minutes. evident's keys are names, so no key needs one.
///
/// The text is first composed with every `*` replaced by a private-use character the text does not hold: an alias
/// then reads as a plain scalar starting with that character, at the same line and column, and nothing is expanded.
enum YAMLAliasKeys {
    static func check(_ source: YAMLSource, what: String) throws {
        guard source.text.utf8.contains(UInt8(ascii: "*")) else { return }
        let used = Set(source.text.unicodeScalars.lazy.map(\.value).filter { (0xE000...0xF8FF).contains($0) })
        guard let marker = (0xE000...0xF8FF).first(where: { !used.contains($0) }).flatMap(Unicode.Scalar.init)
        else {
            throw EvidentError(
                YAMLFailure.noFreePrivateUseCharacter(document: what),
                at: SourceLocation(file: source.file, line: source.firstLine))
        }
        let stand = String(Character(marker))
        let text = source.text.replacingOccurrences(of: "*", with: stand)
        guard let root = try source.composeText(text, what: what, restoring: (stand, "*")) else { return }
        // Keys in the order written: a mapping's pairs go on the stack last to first, each key above its value.
        var pending = [(node: root, isKey: false)]
        while let (node, isKey) = pending.popLast() {
            if isKey, let alias = firstAlias(in: node, marker: marker) {
                throw EvidentError(
                    YAMLFailure.aliasInKey(String(alias.string.dropFirst()), document: what),
                    at: source.location(of: .scalar(alias)))
            }
            switch node {
            case .mapping(let mapping) where !isKey:
                for (key, value) in mapping.reversed() { pending += [(value, false), (key, true)] }
            case .sequence(let sequence) where !isKey: pending += sequence.reversed().map { ($0, false) }
            default: break
            }
        }
    }

    /// The first plain scalar in `key` (or below it) that starts with the marker: an alias in the original text.
    private static func firstAlias(in key: Node, marker: Unicode.Scalar) -> Node.Scalar? {
        var pending = [key]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar):
                if scalar.style == .plain, scalar.string.unicodeScalars.first == marker { return scalar }
            case .mapping(let mapping): pending.append(contentsOf: mapping.flatMap { [$0.key, $0.value] })
            case .sequence(let sequence): pending.append(contentsOf: sequence)
            case .alias: break
            }
        }
        return nil
    }
}
