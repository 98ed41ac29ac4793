/// The ratio of two medians, A/B, with its 95% percentile-bootstrap confidence interval.
///
/// Both samples are resampled independently (`resamples` times, 2,000 by default) with a `SplitMix64` seeded
/// with `seed`; the interval runs from the 2.5% to the 97.5% quantile of the resampled ratios (`Quantile.cut`).
/// The same samples always give the same interval. A resample whose B median is 0 counts as a ratio of +∞
/// (or 1 when A's median is 0 too). It encodes to the keys of a ratio in the stored evidence: `ratio`, `ci`.
package struct RatioEstimate: Sendable, Equatable, Codable {
    /// The seed used unless a caller asks for another: fixed, so that builds are reproducible.
    static let defaultSeed: UInt64 = 0x4576_6964_656E_74  // "Evident"

    /// median(A) / median(B).
    package var ratio: Double
    /// The 95% confidence interval of `ratio`.
    package var ci: ClosedRange<Double>

    package init(ratio: Double, ci: ClosedRange<Double>) {
        self.ratio = ratio
        self.ci = ci
    }

    /// B/A, with its interval `[1/upper, 1/lower]`; an end at zero, −0 included, gives +∞ (a ratio of medians is
    /// never negative, but a median may be −0).
    public var reciprocal: RatioEstimate {
        let inverse = { (value: Double) in 1 / abs(value) }
        return RatioEstimate(ratio: inverse(ratio), ci: inverse(ci.upperBound)...inverse(ci.lowerBound))
    }

    /// Estimates median(a) / median(b); nil when the ratio is not defined: an empty sample, a negative or
    /// non-finite value, B's median at 0, or so many resamples with B's median at 0 that the interval has no
    /// finite upper end.
    init?(
        _ a: [Double], over b: [Double], resamples: Int = 2_000, seed: UInt64 = RatioEstimate.defaultSeed
    ) {
        precondition(resamples >= 2, "a percentile interval needs at least two resamples")
        let valid: ([Double]) -> Bool = { !$0.isEmpty && $0.allSatisfy { $0.isFinite && $0 >= 0 } }
        guard valid(a), valid(b) else { return nil }
        let ratio = Quantile.median(sorted: a.sorted()) / Quantile.median(sorted: b.sorted())
        guard ratio.isFinite else { return nil }

        var random = SplitMix64(seed: seed)
        var resampledA = ResampledMedian(a)
        var resampledB = ResampledMedian(b)
        var ratios = [Double](repeating: 0, count: resamples)
        for index in 0..<resamples {
            let medianA = resampledA.next(using: &random)
            let medianB = resampledB.next(using: &random)
            ratios[index] = medianB == 0 ? (medianA == 0 ? 1 : .infinity) : medianA / medianB
        }
        ratios.sort()
        let lower = Quantile.cut(1, of: 40, sorted: ratios)
        let upper = Quantile.cut(39, of: 40, sorted: ratios)
        guard lower.isFinite, upper.isFinite else { return nil }
        self.init(ratio: ratio, ci: lower...upper)
    }
}
