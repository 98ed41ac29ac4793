/// Draws bootstrap resamples of one sample and returns their medians, without building the resamples.
///
/// The sample is sorted once; a resample is then only how many times each position was drawn, and its median is
/// found by walking those counts in order: linear time, no sorting and no allocation per resample. The values
/// are exactly those of `statistics.median(sorted(resample))` in Python.
struct ResampledMedian {
    private let sorted: [Double]
    private var counts: [Int]

    init(_ samples: [Double]) {
        precondition(!samples.isEmpty, "a resample needs at least one value")
        sorted = samples.sorted()
        counts = Array(repeating: 0, count: samples.count)
    }

    /// The median of the next resample: `n` positions drawn uniformly with replacement, in order, from `random`.
    mutating func next(using random: inout SplitMix64) -> Double {
        let n = sorted.count
        for i in 0..<n { counts[i] = 0 }
        for _ in 0..<n { counts[random.next(below: n)] += 1 }
        let upper = n / 2  // 0-based rank of the upper middle value
        var seen = 0
        var lowerValue: Double?
        for (position, count) in counts.enumerated() where count > 0 {
            seen += count
            if n % 2 == 0, lowerValue == nil, seen > upper - 1 { lowerValue = sorted[position] }
            if seen > upper {
                let value = sorted[position]
                return lowerValue.map { Quantile.midpoint($0, value) } ?? value
            }
        }
        preconditionFailure("the counts add up to n")
    }
}
