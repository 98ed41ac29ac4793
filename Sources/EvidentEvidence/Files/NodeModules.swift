import EvidentCore
import Foundation

/// Which files a JavaScript experiment runs: the files its relative `require("./x")`, `import … from "./x"`,
/// `import("./x")` and `export … from "./x"` name, directly or through each other, resolved as Node.js does for
/// a relative specifier (the path itself, then with `.js`, `.mjs`, `.cjs`, `.json`, then `x/index.js`). Bare
/// specifiers (`"node:fs"`, `"express"`) are modules from elsewhere and not followed.
///
/// Specifiers are read as text without running Node.js, so a `require` that never runs still counts; each file
/// found must pass the rule of `ContainedFile`.
struct NodeModules {
    var essayFolder: URL
    /// Where errors point: the directive that runs the experiment.
    var location: SourceLocation

    private static let suffixes = ["", ".js", ".mjs", ".cjs", ".json", "/index.js", "/index.mjs", "/index.cjs"]

    /// The local files `experiment` reaches (not itself nor the helper), in the order found.
    ///
    /// - Throws: `EvidentError` when a specifier leads out of the essay folder or to a file the rule refuses.
    func resolve(_ experiment: String) throws -> [String] {
        var found: [String] = []
        var pending = [experiment]
        while !pending.isEmpty {
            let importer = pending.removeFirst()
            guard !importer.hasSuffix(".json"),
                let bytes = try UserFile.read(
                    essayFolder.appendingPathComponent(importer).path, at: location, naming: importer)
            else { continue }
            for specifier in Self.relativeSpecifiers(in: String(decoding: bytes, as: UTF8.self)) {
                guard let file = try file(for: specifier, from: importer),
                    file != experiment, !file.hasSuffix("/" + BundledHelpers.node), file != BundledHelpers.node,
                    !found.contains(file)
                else { continue }
                found.append(file)
                pending.append(file)
            }
        }
        return found
    }

    /// The file a relative specifier names from `importer`, or nil when none of Node's candidates exists.
    private func file(for specifier: String, from importer: String) throws -> String? {
        let folder = (importer as NSString).deletingLastPathComponent
        guard let base = ContainedFile.normalized((folder as NSString).appendingPathComponent(specifier)) else {
            throw ContainedFile.error(.outside, path: specifier, reachedFrom: importer, at: location)
        }
        for suffix in Self.suffixes {
            let candidate = base + suffix
            switch ContainedFile.problem(candidate, in: essayFolder) {
            case nil: return candidate
            case .missing, .folder: continue
            case let problem?: throw ContainedFile.error(problem, path: candidate, reachedFrom: importer, at: location)
            }
        }
        return nil
    }

    /// The string literals starting with `./` or `../` that follow `require(`, `import(`, `import` or `from`.
    static func relativeSpecifiers(in source: String) -> [String] {
        let text = Array(source.utf8)
        var specifiers: [String] = []
        var index = 0
        while index < text.count {
            let quote = text[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "`") else {
                index += 1
                continue
            }
            guard let end = text[(index + 1)...].firstIndex(where: { $0 == quote || $0 == UInt8(ascii: "\n") })
            else { break }
            let literal = String(decoding: text[(index + 1)..<end], as: UTF8.self)
            if literal.hasPrefix("./") || literal.hasPrefix("../"), Self.followsModuleKeyword(text, before: index),
                !specifiers.contains(literal)
            {
                specifiers.append(literal)
            }
            index = end + 1
        }
        return specifiers
    }

    /// Whether the code before `position` ends with `require(`, `import(`, `import` or `from` (spaces allowed).
    private static func followsModuleKeyword(_ text: [UInt8], before position: Int) -> Bool {
        var end = skippingSpaces(text, before: position)
        if end > 0, text[end - 1] == UInt8(ascii: "(") { end = skippingSpaces(text, before: end - 1) }
        for keyword in ["require", "import", "from"].map({ Array($0.utf8) }) {
            let start = end - keyword.count
            guard start >= 0, text[start..<end].elementsEqual(keyword) else { continue }
            return start == 0 || !isWordByte(text[start - 1])
        }
        return false
    }

    /// Where the spaces and tabs that end at `position` start.
    private static func skippingSpaces(_ text: [UInt8], before position: Int) -> Int {
        var index = position
        while index > 0, text[index - 1] == UInt8(ascii: " ") || text[index - 1] == UInt8(ascii: "\t") { index -= 1 }
        return index
    }

    /// Whether `byte` can be part of a JavaScript identifier (`_`, `$`, letters, digits, non-ASCII).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
