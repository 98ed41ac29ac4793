import Foundation

/// Two variants' samples taken side by side in the same processes (a *pair*: one sample of each, in a row), for
/// the ratio of the two: the median of the per-pair ratios, with a 95 % interval from a hierarchical bootstrap that
/// draws processes with replacement and then pairs within each drawn process.
///
/// A slow spell of the machine (on a shared VM a CPU-bound loop runs at one of two speeds and switches between them
/// within seconds) falls on both samples of a pair, so their ratio does not see it; a ratio of two medians taken in
/// separate processes does. What one variant leaves behind for the next in the process (a warm cache) is spread
/// over both by the helper's balanced order, not removed.
struct PairedSamples {
    /// The logarithm of each pair's ratio A/B, with the round (process) it was taken in.
    private let logRatios: [Double]
    private let rounds: [Int]

    /// Matches the samples of A and B by round and pair; nil when a sample has no round or pair, a value is not
    /// positive and finite, or no pair has both.
    init?(
        _ a: [Double], rounds roundsA: [Int], pairs pairsA: [Int], _ b: [Double], rounds roundsB: [Int],
        pairs pairsB: [Int]
    ) {
        guard a.count == roundsA.count, a.count == pairsA.count, b.count == roundsB.count, b.count == pairsB.count
        else { return nil }
        struct Slot: Hashable {
            var round: Int
            var pair: Int
        }
        var valueB: [Slot: Double] = [:]
        for index in b.indices { valueB[Slot(round: roundsB[index], pair: pairsB[index])] = b[index] }
        var logRatios: [Double] = []
        var rounds: [Int] = []
        for index in a.indices {
            guard let other = valueB[Slot(round: roundsA[index], pair: pairsA[index])] else { continue }
            guard a[index] > 0, other > 0, a[index].isFinite, other.isFinite else { return nil }
            logRatios.append(Foundation.log(a[index] / other))
            rounds.append(roundsA[index])
        }
        guard !logRatios.isEmpty else { return nil }
        self.logRatios = logRatios
        self.rounds = rounds
    }

    /// How many pairs have both samples.
    var count: Int { logRatios.count }

    /// The median of the per-pair ratios A/B.
    var ratio: Double { exp(Quantile.median(sorted: logRatios.sorted())) }

    /// The 2.5 % and 97.5 % quantiles of the medians of `resamples` hierarchical resamples, from a generator seeded
    /// with `seed`.
    func interval(resamples: Int, seed: UInt64) -> ClosedRange<Double> {
        var clustered = ClusteredSample(logRatios, rounds: rounds)!
        var random = SplitMix64(seed: seed)
        var medians = (0..<resamples).map { _ in
            clustered.clear()
            for _ in 0..<clustered.clusterCount { clustered.drawCluster(using: &random) }
            return clustered.median()
        }
        medians.sort()
        return exp(Quantile.cut(1, of: 40, sorted: medians))...exp(Quantile.cut(39, of: 40, sorted: medians))
    }
}
