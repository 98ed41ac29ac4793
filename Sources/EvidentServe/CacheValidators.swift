import Foundation
import Glibc

/// A response's validators, `ETag` and `Last-Modified`, and the answer to conditional requests against them.
struct CacheValidators: Equatable {
    /// The quoted entity tag: size and modification time, plus a variant for pages the server adds to.
    let etag: String
    /// The modification time, whole seconds (the precision of an HTTP date).
    let lastModified: Int

    init(size: Int, modified: Date, variant: String? = nil) {
        let micros = Int64((modified.timeIntervalSince1970 * 1_000_000).rounded())
        etag = "\"\(String(size, radix: 16))-\(String(micros, radix: 16))\(variant.map { "-\($0)" } ?? "")\""
        lastModified = Int(modified.timeIntervalSince1970.rounded(.down))
    }

    /// The `Last-Modified` header value (IMF-fixdate).
    var lastModifiedHeader: String { Self.httpDate(lastModified) }

    /// Whether the client's copy is current (answer 304). `If-None-Match` wins over `If-Modified-Since`.
    func isNotModified(ifNoneMatch: String?, ifModifiedSince: String?) -> Bool {
        if let ifNoneMatch {
            return ifNoneMatch.split(separator: ",").contains { tag in
                let tag = tag.trimmingCharacters(in: .whitespaces)
                return tag == "*" || (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == etag
            }
        }
        guard let ifModifiedSince, let since = Self.parseHTTPDate(ifModifiedSince) else { return false }
        return lastModified <= since
    }

    static func httpDate(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The seconds of an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the only form servers send today.
    static func parseHTTPDate(_ text: String) -> Int? {
        let words = text.split(separator: " ")
        let clock = words.count == 6 ? words[4].split(separator: ":").compactMap { Int32($0) } : []
        guard clock.count == 3, words[5] == "GMT", let day = Int32(words[1]), let year = Int32(words[3]),
            let month = months.firstIndex(of: String(words[2]))
        else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = Int32(month)
        parts.tm_mday = day
        (parts.tm_hour, parts.tm_min, parts.tm_sec) = (clock[0], clock[1], clock[2])
        return Int(timegm(&parts))
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
