/// Levenshtein distance between names, for "did you mean …?" suggestions in error messages.
package enum EditDistance {
    static func between(_ lhs: String, _ rhs: String) -> Int {
        let lhs = Array(lhs)
        let rhs = Array(rhs)
        var previous = Array(0...rhs.count)
        for (i, left) in lhs.enumerated() {
            var current = [i + 1]
            for (j, right) in rhs.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
            }
            previous = current
        }
        return previous[rhs.count]
    }

    /// The known name nearest to `name`, when its distance is within `limit(candidate)`.
    package static func closest(to name: String, among known: [String], limit: (String) -> Int) -> String? {
        let scored = known.map { (name: $0, distance: between(name, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        return best.distance <= limit(best.name) ? best.name : nil
    }
}
