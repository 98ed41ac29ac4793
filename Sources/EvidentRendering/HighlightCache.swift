import EvidentCore
import Foundation

/// Highlighted code kept between builds in one file, `<site>/.evident-cache/highlight.pack`: each entry is a
/// block's language and code, stored whole (so a lookup is an exact comparison, never a hash that could collide)
/// with its HTML. One file per build instead of one per block; the file is mapped into memory, and an entry's
/// HTML becomes a string only when a page uses it (a damaged entry never matches a block, or decodes with U+FFFD).
///
/// The format is a header line, then per entry a line of three byte counts (language, code, HTML) followed by
/// those bytes. A file that does not parse is ignored: the cache is only ever a shortcut.
struct HighlightCache: Sendable {
    /// Where an entry's parts are in `bytes`.
    struct Entry: Sendable {
        var language: Range<Int>
        var code: Range<Int>
        var html: Range<Int>
    }

    private let file: MappedFile?
    /// Entry numbers by a hash of language and code (hashes may collide: entries are compared byte for byte).
    private let entries: [Entry]
    private let index: [Int: [Int]]

    private static let header = "evident-highlight 1\n"

    static func file(in cache: URL) -> URL {
        cache.appendingPathComponent("highlight.pack")
    }

    /// An empty cache.
    init() {
        (file, entries, index) = (nil, [], [:])
    }

    /// The stored entries; none when the file is missing or damaged.
    init(file url: URL) {
        let file = MappedFile(path: url.path)
        let bytes = file?.bytes ?? UnsafeRawBufferPointer(start: nil, count: 0)
        let entries = Self.parse(bytes) ?? []
        var index: [Int: [Int]] = [:]
        index.reserveCapacity(entries.count)
        for (number, entry) in entries.enumerated() {
            index[Self.hash(bytes[entry.language], bytes[entry.code]), default: []].append(number)
        }
        (self.file, self.entries, self.index) = (file, entries, index)
    }

    var count: Int { entries.count }

    private var bytes: UnsafeRawBufferPointer {
        file?.bytes ?? UnsafeRawBufferPointer(start: nil, count: 0)
    }

    /// The entry number of a block, if it is stored.
    func find(_ sample: CodeSample) -> Int? {
        var (language, code) = (sample.language, sample.code)
        return language.withUTF8 { language in
            code.withUTF8 { code in
                let (language, code) = (UnsafeRawBufferPointer(language), UnsafeRawBufferPointer(code))
                return index[Self.hash(language[...], code[...])]?.first { number in
                    bytes[entries[number].language].elementsEqual(language)
                        && Self.same(bytes[entries[number].code], code)
                }
            }
        }
    }

    /// The HTML of an entry found with `find`.
    func html(_ number: Int) -> String {
        String(decoding: bytes[entries[number].html], as: UTF8.self)
    }

    /// Writes the cache file: the `kept` entries of this cache and the `added` ones. It is written beside the old
    /// file, a chunk at a time, and renamed over it, so a reader never sees half of it.
    func save(keeping kept: [Int], adding added: [(CodeSample, Data)], to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.replace(file.path) { writer in
            writer.append(Self.header.utf8)
            for number in kept.sorted() {
                let entry = entries[number]
                writer.append("\(entry.language.count) \(entry.code.count) \(entry.html.count)\n".utf8)
                for part in [entry.language, entry.code, entry.html] { writer.append(bytes[part]) }
            }
            for (sample, html) in added {
                writer.append("\(sample.language.utf8.count) \(sample.code.utf8.count) \(html.count)\n".utf8)
                for part in [sample.language, sample.code] { writer.append(part.utf8) }
                writer.append(html)
            }
        }
    }

    private static func hash(_ language: Slice<UnsafeRawBufferPointer>, _ code: Slice<UnsafeRawBufferPointer>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: language))
        hasher.combine(0 as UInt8)
        hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: code))
        return hasher.finalize()
    }

    private static func same(_ stored: Slice<UnsafeRawBufferPointer>, _ code: UnsafeRawBufferPointer) -> Bool {
        stored.count == code.count
            && (code.isEmpty
                || memcmp(UnsafeRawBufferPointer(rebasing: stored).baseAddress!, code.baseAddress!, code.count) == 0)
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer) -> [Entry]? {
        guard bytes.starts(with: header.utf8) else { return nil }
        var entries: [Entry] = []
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
        func part(_ count: Int) -> Range<Int>? {
            guard count <= bytes.count - position else { return nil }
            defer { position += count }
            return position..<position + count
        }
        while position < bytes.count {
            guard let languageCount = number(until: 32), let codeCount = number(until: 32),
                let htmlCount = number(until: 10), let language = part(languageCount), let code = part(codeCount),
                let html = part(htmlCount)
            else { return nil }
            entries.append(Entry(language: language, code: code, html: html))
        }
        return entries
    }
}
