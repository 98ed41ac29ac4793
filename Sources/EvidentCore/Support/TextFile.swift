import Foundation

/// Reading the author's text files: UTF-8 only, with a clear error otherwise.
package enum TextFile {
    /// Decodes UTF-8 (a BOM is dropped, CRLF becomes LF) or reports the first bad line.
    package static func decode(_ data: some Collection<UInt8>, file: String) throws -> String {
        guard var text = String(validatingUTF8Data: data) else {
            let line = firstInvalidLine(data)
            throw EvidentError(
                .input, at: SourceLocation(file: file, line: line), "the file is not valid UTF-8",
                fix: "save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // A byte scan (memchr): `String.contains(_:)` goes through Foundation's locale-aware search, and even a
        // generic byte loop is slow on 1,000 files.
        let hasReturn = text.utf8.withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { memchr($0, 13, buffer.count) != nil } ?? false
        }
        if hasReturn ?? true && text.contains("\r\n") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
        }
        return text
    }

    private static func firstInvalidLine(_ data: some Collection<UInt8>) -> Int {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        return (lines.firstIndex { String(validatingUTF8Data: $0) == nil } ?? 0) + 1
    }
}

extension String {
    /// A string from UTF-8 bytes, or nil when they are not valid UTF-8.
    init?(validatingUTF8Data data: some Collection<UInt8>) {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text
    }
}
