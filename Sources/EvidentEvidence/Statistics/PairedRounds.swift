/// Two variants' samples paired by the round their processes ran in, for the interval of a ratio of medians.
///
/// Rounds, not samples, are independent: each resample draws as many of the rounds in which both variants ran as
/// there are, with replacement, and within each drawn round resamples the samples of both variants' processes of
/// that round (as `ProcessInterval` does for one cell). A slow spell of the machine falls on both variants of a
/// round together, so the ratio's interval does not take it for a difference between them.
struct PairedRounds {
    private var a: ClusteredSample
    private var b: ClusteredSample
    /// The clusters of each round both ran in: (cluster of A, cluster of B).
    private let pairs: [(Int, Int)]

    /// Nil when either sample has no rounds (or not one per value), or they have no round in common.
    init?(_ a: [Double], rounds roundsA: [Int], _ b: [Double], rounds roundsB: [Int]) {
        guard let a = ClusteredSample(a, rounds: roundsA), let b = ClusteredSample(b, rounds: roundsB) else {
            return nil
        }
        let pairs = a.rounds.enumerated().compactMap { index, round in b.cluster(ofRound: round).map { (index, $0) } }
        guard !pairs.isEmpty else { return nil }
        self.a = a
        self.b = b
        self.pairs = pairs
    }

    /// How many rounds both variants ran in.
    var count: Int { pairs.count }

    /// The ratios of the medians of `resamples` paired resamples, from a generator seeded with `seed`.
    func resampledRatios(_ resamples: Int, seed: UInt64) -> [Double] {
        var a = a
        var b = b
        var random = SplitMix64(seed: seed)
        return (0..<resamples).map { _ in
            a.clear()
            b.clear()
            for _ in pairs.indices {
                let (clusterA, clusterB) = pairs[random.next(below: pairs.count)]
                a.draw(cluster: clusterA, using: &random)
                b.draw(cluster: clusterB, using: &random)
            }
            return RatioEstimate.ratio(a.median(), b.median())
        }
    }
}
