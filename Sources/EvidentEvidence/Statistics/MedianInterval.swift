import Foundation

/// The distribution-free 95% confidence interval of a median from order statistics.
///
/// For a sample of `n` independent values, the number of values below the true median is Binomial(n, ½), so
/// `[x₍ₗ₎, x₍ₙ₊₁₋ₗ₎]` covers the median with probability `1 − 2·P(B ≤ l − 1)`. We take the narrowest such
/// symmetric interval whose coverage is still at least 95%. Below six values no interval reaches 95%; then
/// the interval is `[min, max]` and `reachesConfidence` is false.
struct MedianInterval: Equatable {
    /// The nominal confidence we aim for.
    static let confidence = 0.95
    /// The smallest sample whose interval reaches `confidence`: below it the interval is `[min, max]`.
    static let fewestConfidentValues = 6

    /// 1-based rank of the lower end in the sorted sample.
    let lowerRank: Int
    /// 1-based rank of the upper end; always `n + 1 − lowerRank`.
    let upperRank: Int
    /// The exact probability that the interval covers the true median.
    let coverage: Double
    /// Whether `coverage` reaches `confidence`; false only for samples of fewer than six values.
    let reachesConfidence: Bool

    init(count n: Int) {
        precondition(n > 0, "a median interval needs at least one value")
        let logHalf = -Double(n) * log(2.0)
        var logProbability = logHalf  // log P(B = 0)
        var tail = 0.0  // P(B ≤ lower − 1)
        var best: (rank: Int, tail: Double)?
        for lower in 1...max(1, n / 2) {
            if lower > 1 {
                let k = Double(lower - 2)
                logProbability += log(Double(n) - k) - log(k + 1)
            }
            tail += exp(logProbability)
            guard tail <= (1 - Self.confidence) / 2 else { break }
            best = (lower, tail)
        }
        lowerRank = best?.rank ?? 1
        upperRank = n + 1 - lowerRank
        coverage = 1 - 2 * (best?.tail ?? exp(logHalf))
        reachesConfidence = best != nil
    }
}
