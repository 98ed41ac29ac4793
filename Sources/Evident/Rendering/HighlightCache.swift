import Foundation

/// Highlighted code kept between builds in one file, `<site>/.evident-cache/highlight.pack`: each entry is a
/// block's language and code, stored whole (so a lookup is an exact comparison, never a hash that could collide)
/// with its HTML. One read per build instead of a file per block.
///
/// The format is a header line, then per entry a line of three byte counts (language, code, HTML) followed by
/// those bytes. A file that does not parse is ignored: the cache is only ever a shortcut.
enum HighlightCache {
    private static let header = "evident-highlight 1\n"

    static func file(in cache: URL) -> URL {
        cache.appendingPathComponent("highlight.pack")
    }

    /// The stored entries; empty when the file is missing or damaged.
    static func load(_ file: URL) -> [CodeSample: String] {
        guard let bytes = FileBytes.read(file.path) else { return [:] }
        return bytes.withUnsafeBufferPointer { parse($0) } ?? [:]
    }

    /// Replaces the file with `entries` (written beside it, then renamed, so a reader never sees half of it).
    static func save(_ entries: [CodeSample: String], to file: URL) throws {
        var text = header
        for (sample, html) in entries.sorted(by: { ($0.key.language, $0.key.code) < ($1.key.language, $1.key.code) }) {
            text += "\(sample.language.utf8.count) \(sample.code.utf8.count) \(html.utf8.count)\n"
            text += sample.language
            text += sample.code
            text += html
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = file.path + ".\(getpid()).tmp"
        try FileBytes.write(temporary, text)
        guard rename(temporary, file.path) == 0 else {
            let failure = FileBytesError(errno: errno)
            unlink(temporary)
            throw failure
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [CodeSample: String]? {
        guard bytes.starts(with: header.utf8) else { return nil }
        var entries: [CodeSample: String] = [:]
        var position = header.utf8.count
        func number(until terminator: UInt8) -> Int? {
            var value = 0
            let start = position
            while position < bytes.count, bytes[position] != terminator {
                guard (48...57).contains(bytes[position]), position - start < 12 else { return nil }
                value = value * 10 + Int(bytes[position] - 48)
                position += 1
            }
            guard position < bytes.count, position > start else { return nil }
            position += 1
            return value
        }
        func text(_ count: Int) -> String? {
            guard count <= bytes.count - position else { return nil }
            let slice = UnsafeBufferPointer(rebasing: bytes[position..<position + count])
            position += count
            return String(validating: slice, as: UTF8.self)
        }
        while position < bytes.count {
            guard let languageCount = number(until: 32), let codeCount = number(until: 32),
                let htmlCount = number(until: 10), let language = text(languageCount), let code = text(codeCount),
                let html = text(htmlCount)
            else { return nil }
            entries[CodeSample(language: language, code: code)] = html
        }
        return entries
    }
}
