/// The path of a request, decoded into safe segments under the served folder.
///
/// Anything that could name a file outside the folder is refused before the file system is asked: `.` and `..`
/// segments (plain or percent-encoded), encoded slashes and backslashes, NUL, empty segments (`//etc/passwd`),
/// targets that are not origin-form paths, and malformed percent-encoding.
struct RequestPath: Equatable {
    /// The decoded segments, none empty, none `.` or `..`, none holding a slash, backslash or NUL.
    let segments: [String]
    /// Whether the raw path ended with `/` (a folder was asked for).
    let endsWithSlash: Bool

    /// Decodes `raw` (the path of the request target, still percent-encoded), or nil when it is refused.
    init?(_ raw: String) {
        guard raw.hasPrefix("/") else { return nil }
        var parts = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        endsWithSlash = parts.last?.isEmpty ?? true
        if endsWithSlash { parts.removeLast() }
        var segments: [String] = []
        for part in parts {
            guard let segment = part.removingPercentEncoding, Self.isSafe(segment) else { return nil }
            segments.append(segment)
        }
        self.segments = segments
    }

    private static func isSafe(_ segment: String) -> Bool {
        !segment.isEmpty && segment != "." && segment != ".."
            && !segment.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0 == "\0" }
    }
}
