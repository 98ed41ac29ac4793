/// Draws bootstrap resamples of one sample and returns their medians, without building the resamples.
///
/// The sample is sorted once; a resample is then only how many times each position was drawn, and its median is
/// found from those counts (`CountedMedian`): no sorting and no allocation per resample.
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
        return CountedMedian.of(sorted: sorted, counts: counts, total: n)
    }
}
