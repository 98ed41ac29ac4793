import Yams

/// Rejects keys a YAML mapping does not allow, suggesting the closest known one.
enum KeyCheck {
    static func rejectUnknown(
        in mapping: Node.Mapping, allowed: [String], what: String, source: YAMLSource
    ) throws {
        for (name, node) in mapping.stringKeys where !allowed.contains(name) {
            let suggestion = closest(to: name, in: allowed).map { "did you mean `\($0)`? " } ?? ""
            throw EvidentError(
                .input, at: source.location(of: node), "unknown key `\(name)` in \(what)",
                fix: "\(suggestion)allowed keys: \(allowed.joined(separator: ", "))")
        }
    }

    /// The allowed name within edit distance 2 of `name`, if any.
    static func closest(to name: String, in names: [String]) -> String? {
        names.map { ($0, distance(name, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
