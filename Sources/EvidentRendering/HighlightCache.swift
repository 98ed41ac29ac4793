import EvidentCore
import Foundation

/// Highlighted code kept between builds in one file, `<site>/.evident-cache/highlight.pack`: each entry is a
/// block's language and code, stored whole (so a lookup is an exact comparison, never a hash that could collide)
/// with its HTML. One file per build instead of one per block. The file is read once, front to back, for an index
/// of where each entry's parts are; a lookup reads the entry's code back to compare it, and a page reads the HTML it
/// uses, so that a build holds the index and never the file, whose size grows with the site (a damaged entry never
/// matches a block, or decodes with U+FFFD).
///
/// The format is a header line, then per entry a line of three byte counts (language, code, HTML) followed by
/// those bytes. A file that does not parse is ignored: the cache is only ever a shortcut.
struct HighlightCache: Sendable {
    /// Where an entry's parts are in the file.
    struct Entry: Sendable {
        var language: Range<Int>
        var code: Range<Int>
        var html: Range<Int>
    }

    private let file: OpenFile?
    private let entries: [Entry]
    /// Entry numbers by a hash of language and code (hashes may collide: entries are compared byte for byte).
    private let index: [Int: [Int]]

    static let header = "evident-highlight 1\n"

    static func file(in cache: URL) -> URL {
        cache.appendingPathComponent("highlight.pack")
    }

    /// An empty cache.
    init() {
        (file, entries, index) = (nil, [], [:])
    }

    /// The stored entries; none when the file is missing or damaged.
    init(file url: URL) {
        let file = OpenFile(path: url.path)
        let (entries, index) = file.flatMap(Self.index) ?? ([], [:])
        (self.file, self.entries, self.index) = (entries.isEmpty ? nil : file, entries, index)
    }

    var count: Int { entries.count }

    /// The entry number of a block, if it is stored.
    func find(_ sample: CodeSample) -> Int? {
        guard let file else { return nil }
        var (language, code) = (sample.language, sample.code)
        return language.withUTF8 { language in
            code.withUTF8 { code in
                let (language, code) = (UnsafeRawBufferPointer(language), UnsafeRawBufferPointer(code))
                return index[Self.hash(language, code)]?.first { number in
                    let entry = entries[number]
                    guard entry.language.count == language.count, entry.code.count == code.count else { return false }
                    return withUnsafeTemporaryAllocation(byteCount: language.count + code.count, alignment: 1) {
                        stored in
                        file.read(entry.language.lowerBound..<entry.code.upperBound, into: stored)
                            && Self.same(UnsafeRawBufferPointer(rebasing: stored[..<language.count]), language)
                            && Self.same(UnsafeRawBufferPointer(rebasing: stored[language.count...]), code)
                    }
                }
            }
        }
    }

    /// The HTML of an entry found with `find`.
    func html(_ number: Int) -> String {
        file?.text(entries[number].html) ?? ""
    }

    /// Writes the cache file: the `kept` entries of this cache, then the ones `add` writes (`Writer.append`). It is
    /// written beside the old file, a chunk at a time, and renamed over it, so a reader never sees half of it; when
    /// `add` throws, nothing is replaced.
    func save(keeping kept: [Int], to file: URL, adding add: (Writer) throws -> Void) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.replace(file.path) { appender in
            let writer = Writer(appender)
            appender.append(Self.header.utf8)
            var buffer = [UInt8]()
            for number in kept.sorted() {
                let entry = entries[number]
                let whole = entry.language.lowerBound..<entry.html.upperBound
                buffer.removeAll(keepingCapacity: true)
                buffer += repeatElement(0, count: whole.count)
                guard buffer.withUnsafeMutableBytes({ self.file?.read(whole, into: $0) ?? false }) else {
                    throw FileBytesError(errno: EIO)
                }
                appender.append("\(entry.language.count) \(entry.code.count) \(entry.html.count)\n".utf8)
                appender.append(buffer)
            }
            try add(writer)
        }
    }

    /// Appends new entries to a cache file being saved.
    struct Writer {
        fileprivate let appender: FileBytes.Appender

        fileprivate init(_ appender: FileBytes.Appender) {
            self.appender = appender
        }

        /// Adds the entry of `sample`, highlighted as `html` (empty: the language has no lexer).
        func append(_ sample: CodeSample, html: some Collection<UInt8>) {
            appender.append("\(sample.language.utf8.count) \(sample.code.utf8.count) \(html.count)\n".utf8)
            for part in [sample.language, sample.code] { appender.append(part.utf8) }
            appender.append(html)
        }
    }

    private static func hash(_ language: UnsafeRawBufferPointer, _ code: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: language)
        hasher.combine(0 as UInt8)
        hasher.combine(bytes: code)
        return hasher.finalize()
    }

    private static func same(_ stored: UnsafeRawBufferPointer, _ code: UnsafeRawBufferPointer) -> Bool {
        stored.count == code.count
            && (code.isEmpty || memcmp(stored.baseAddress!, code.baseAddress!, code.count) == 0)
    }

    /// Reads the file once: where each entry's parts are, and the entries by hash; nil when it does not parse.
    private static func index(_ file: OpenFile) -> ([Entry], [Int: [Int]])? {
        let reader = ChunkedReader(descriptor: file.descriptor)
        guard let opening = reader.read(header.utf8.count, { $0.elementsEqual(header.utf8) }), opening else {
            return nil
        }
        var entries: [Entry] = []
        var index: [Int: [Int]] = [:]
        while reader.offset < file.size {
            guard let languageCount = reader.number(until: 32), let codeCount = reader.number(until: 32),
                let htmlCount = reader.number(until: 10)
            else { return nil }
            let start = reader.offset
            guard
                let key = reader.read(
                    languageCount + codeCount,
                    {
                        Self.hash(
                            UnsafeRawBufferPointer(rebasing: $0[..<languageCount]),
                            UnsafeRawBufferPointer(rebasing: $0[languageCount...]))
                    }), reader.skip(htmlCount)
            else { return nil }
            index[key, default: []].append(entries.count)
            let code = start + languageCount
            entries.append(
                Entry(
                    language: start..<code, code: code..<code + codeCount,
                    html: code + codeCount..<code + codeCount + htmlCount))
        }
        return (entries, index)
    }
}
