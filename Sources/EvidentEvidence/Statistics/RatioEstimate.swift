/// The ratio of two medians, A/B, with its 95% percentile-bootstrap confidence interval.
///
/// Both samples are resampled independently (`resamples` times, 2,000 by default) with a `SplitMix64` seeded
/// with `seed`; the interval runs from the 2.5% to the 97.5% quantile of the resampled ratios (`Quantile.cut`).
/// The same samples always give the same interval. A resample whose B median is 0 counts as a ratio of +∞
/// (or 1 when A's median is 0 too). When the rounds of both samples are known, the interval comes from the rounds
/// instead (`init(_:rounds:over:rounds:)`, `PairedRounds`), and `rounds` says from how many. Earlier runs widen the
/// interval by the drift between runs (`widened(by:)`), keeping this run's own in `runCI`. It encodes to the keys
/// of a ratio in the stored evidence: `ratio`, `ci`, `rounds` when known, and `ci_run` when widened.
package struct RatioEstimate: Sendable, Equatable, Codable {
    /// The seed used unless a caller asks for another: fixed, so that builds are reproducible.
    static let defaultSeed: UInt64 = 0x4576_6964_656E_74  // "Evident"

    /// median(A) / median(B).
    package var ratio: Double
    /// The 95% confidence interval of `ratio`.
    package var ci: ClosedRange<Double>
    /// How many rounds in which both variants ran the interval was resampled from; nil for an interval from
    /// independent samples (within one run).
    package var rounds: Int?
    /// This run's own interval when `ci` was widened by the drift between runs; nil when it was not.
    package var runCI: ClosedRange<Double>?
    /// How many pairs of samples taken side by side in one process the ratio comes from (`PairedSamples`): it is
    /// then the median of their ratios, not the ratio of the two medians; nil for variants measured apart.
    package var pairs: Int?

    enum CodingKeys: String, CodingKey {
        case ratio, ci, rounds, pairs
        case runCI = "ci_run"
    }

    package init(
        ratio: Double, ci: ClosedRange<Double>, rounds: Int? = nil, runCI: ClosedRange<Double>? = nil,
        pairs: Int? = nil
    ) {
        self.ratio = ratio
        self.ci = ci
        self.rounds = rounds
        self.runCI = runCI
        self.pairs = pairs
    }

    /// The estimate with `ci` widened by the drift between runs to hold the next of `earlier` runs' ratios (newest
    /// first) and this one, and this run's own interval kept in `runCI`.
    func widened(by drift: RunDrift, earlier: [Double] = []) -> RatioEstimate {
        RatioEstimate(
            ratio: ratio, ci: drift.widen(ci, series: [ratio] + earlier), rounds: rounds, runCI: runCI ?? ci,
            pairs: pairs)
    }

    /// B/A, with its interval `[1/upper, 1/lower]`; an end at zero, −0 included, gives +∞ (a ratio of medians is
    /// never negative, but a median may be −0).
    public var reciprocal: RatioEstimate {
        let inverse = { (interval: ClosedRange<Double>) in 1 / abs(interval.upperBound)...1 / abs(interval.lowerBound) }
        return RatioEstimate(
            ratio: 1 / abs(ratio), ci: inverse(ci), rounds: rounds, runCI: runCI.map(inverse), pairs: pairs)
    }

    /// Estimates median(a) / median(b); nil when the ratio is not defined: an empty sample, a negative or
    /// non-finite value, B's median at 0, or so many resamples with B's median at 0 that the interval has no
    /// finite upper end.
    init?(
        _ a: [Double], over b: [Double], resamples: Int = 2_000, seed: UInt64 = RatioEstimate.defaultSeed
    ) {
        precondition(resamples >= 2, "a percentile interval needs at least two resamples")
        guard let ratio = Self.medianRatio(a, b) else { return nil }

        var random = SplitMix64(seed: seed)
        var resampledA = ResampledMedian(a)
        var resampledB = ResampledMedian(b)
        var ratios = [Double](repeating: 0, count: resamples)
        for index in 0..<resamples {
            let medianA = resampledA.next(using: &random)
            let medianB = resampledB.next(using: &random)
            ratios[index] = Self.ratio(medianA, medianB)
        }
        guard let ci = Self.percentileInterval(&ratios) else { return nil }
        self.init(ratio: ratio, ci: ci)
    }

    /// Estimates median(a) / median(b) with the interval of `PairedRounds`, from the rounds in which both ran
    /// (`roundsA` and `roundsB` give each value's round). Without rounds for both, or without a round in common,
    /// as `init(_:over:)`. Nil as there.
    init?(
        _ a: [Double], rounds roundsA: [Int], over b: [Double], rounds roundsB: [Int],
        resamples: Int = 2_000, seed: UInt64 = RatioEstimate.defaultSeed
    ) {
        guard let paired = PairedRounds(a, rounds: roundsA, b, rounds: roundsB) else {
            self.init(a, over: b, resamples: resamples, seed: seed)
            return
        }
        precondition(resamples >= 2, "a percentile interval needs at least two resamples")
        guard let ratio = Self.medianRatio(a, b) else { return nil }
        var ratios = paired.resampledRatios(resamples, seed: seed)
        guard let ci = Self.percentileInterval(&ratios) else { return nil }
        self.init(
            ratio: ratio, ci: Swift.min(ci.lowerBound, ratio)...Swift.max(ci.upperBound, ratio), rounds: paired.count)
    }

    /// The median of the per-pair ratios a/b of samples taken side by side (`PairedSamples`), with its interval;
    /// without pairs for both, as `init(_:rounds:over:rounds:)`.
    init?(
        _ a: [Double], rounds roundsA: [Int], pairs pairsA: [Int], over b: [Double], rounds roundsB: [Int],
        pairs pairsB: [Int], resamples: Int = 2_000, seed: UInt64 = RatioEstimate.defaultSeed
    ) {
        guard let paired = PairedSamples(a, rounds: roundsA, pairs: pairsA, b, rounds: roundsB, pairs: pairsB),
            paired.count >= 2
        else {
            self.init(a, rounds: roundsA, over: b, rounds: roundsB, resamples: resamples, seed: seed)
            return
        }
        let ratio = paired.ratio
        let ci = paired.interval(resamples: resamples, seed: seed)
        guard ratio.isFinite, ci.lowerBound.isFinite, ci.upperBound.isFinite else { return nil }
        self.init(
            ratio: ratio, ci: Swift.min(ci.lowerBound, ratio)...Swift.max(ci.upperBound, ratio),
            rounds: Set(roundsA).intersection(roundsB).count, pairs: paired.count)
    }

    /// median(a) / median(b); nil for an empty sample, a negative or non-finite value, or B's median at 0.
    private static func medianRatio(_ a: [Double], _ b: [Double]) -> Double? {
        let valid: ([Double]) -> Bool = { !$0.isEmpty && $0.allSatisfy { $0.isFinite && $0 >= 0 } }
        guard valid(a), valid(b) else { return nil }
        let ratio = Quantile.median(sorted: a.sorted()) / Quantile.median(sorted: b.sorted())
        return ratio.isFinite ? ratio : nil
    }

    /// A resample's ratio: +∞ when B's median is 0 (1 when A's is too).
    static func ratio(_ medianA: Double, _ medianB: Double) -> Double {
        medianB == 0 ? (medianA == 0 ? 1 : .infinity) : medianA / medianB
    }

    /// The 2.5% to 97.5% quantiles of `ratios` (sorted in place); nil when an end is not finite.
    private static func percentileInterval(_ ratios: inout [Double]) -> ClosedRange<Double>? {
        ratios.sort()
        let lower = Quantile.cut(1, of: 40, sorted: ratios)
        let upper = Quantile.cut(39, of: 40, sorted: ratios)
        guard lower.isFinite, upper.isFinite else { return nil }
        return lower...upper
    }
}
