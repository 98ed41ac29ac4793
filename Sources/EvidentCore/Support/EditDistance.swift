/// "Did you mean …?" for a mistyped name: the known name nearest by edit distance, when it is near enough to be a
/// typo, and the list of all. The one suggestion every error message uses.
package enum EditDistance {
    /// The fix for an unknown name: `did you mean `x`? The keys: a, b` or `use one of the keys: a, b`.
    package static func suggestion(for name: String, among known: [String], noun: String) -> String {
        let list = known.joined(separator: ", ")
        guard let closest = closest(to: name, among: known) else {
            return "use one of the \(noun): \(list)"
        }
        return "did you mean `\(closest)`? The \(noun): \(list)"
    }

    /// The known name nearest to `name`, when at most a third of the shorter name differs (at least one edit).
    package static func closest(to name: String, among known: [String]) -> String? {
        let scored = known.map { (name: $0, distance: between(name, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        return best.distance <= max(1, min(name.count, best.name.count) / 3) ? best.name : nil
    }

    /// The edit distance between names (optimal string alignment: an insertion, a deletion, a substitution or a
    /// swap of two neighbours is one edit each, so `lnog` is one edit from `long`).
    static func between(_ lhs: String, _ rhs: String) -> Int {
        let lhs = Array(lhs)
        let rhs = Array(rhs)
        var before = [Int]()
        var previous = Array(0...rhs.count)
        for (i, left) in lhs.enumerated() {
            var current = [i + 1]
            for (j, right) in rhs.enumerated() {
                var distance = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
                if i > 0, j > 0, left == rhs[j - 1], lhs[i - 1] == right {
                    distance = min(distance, before[j - 1] + 1)
                }
                current.append(distance)
            }
            (before, previous) = (previous, current)
        }
        return previous[rhs.count]
    }
}
