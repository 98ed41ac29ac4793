/// The median of a resample held as counts: how many times each position of a sorted sample was drawn. Walking
/// the counts in order finds it in linear time, without building or sorting the resample; the value is exactly
/// Python's `statistics.median` of the resample.
enum CountedMedian {
    /// The median of the `total` values drawn, `counts[i]` of them equal to `sorted[i]`.
    static func of(sorted: [Double], counts: [Int], total: Int) -> Double {
        precondition(total > 0, "a median needs at least one value")
        let upper = total / 2  // 0-based rank of the upper middle value
        var seen = 0
        var lowerValue: Double?
        for (position, count) in counts.enumerated() where count > 0 {
            seen += count
            if total % 2 == 0, lowerValue == nil, seen > upper - 1 { lowerValue = sorted[position] }
            if seen > upper {
                let value = sorted[position]
                return lowerValue.map { Quantile.midpoint($0, value) } ?? value
            }
        }
        preconditionFailure("the counts add up to the values drawn")
    }
}
