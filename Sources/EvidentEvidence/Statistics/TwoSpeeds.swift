/// A machine that runs the same code at one of two speeds: the medians of a cell's processes fall into two groups
/// far apart, with nothing between them. On a shared VM whose host switches the guest between two speeds within
/// seconds, every CPU-bound time moves by that much between processes and runs, and only comparisons made at the
/// same moment (variants sharing a process, in pairs) are spared.
package struct TwoSpeeds: Equatable, Sendable {
    /// The typical value of the fast processes and of the slow ones.
    package var fast: Double
    package var slow: Double

    /// The fewest processes, and the fewest in each group, before two groups are believed.
    static let fewestProcesses = 6
    static let fewestPerGroup = 2
    /// How far apart the two groups' typical values must be, and how wide the empty gap between them.
    static let separation = 1.25
    static let gap = 1.12

    /// The two speeds in `samples` (each taken by the process of its round), or nil when its processes show one.
    init?(samples: [Double], rounds: [Int]) {
        guard samples.count == rounds.count else { return nil }
        var byRound: [Int: [Double]] = [:]
        for (value, round) in zip(samples, rounds) { byRound[round, default: []].append(value) }
        let medians = byRound.values.map { Quantile.median(sorted: $0.sorted()) }.sorted()
        guard medians.count >= Self.fewestProcesses, medians.allSatisfy({ $0 > 0 }) else { return nil }
        let cuts = Self.fewestPerGroup...(medians.count - Self.fewestPerGroup)
        guard let cut = cuts.max(by: { medians[$0] / medians[$0 - 1] < medians[$1] / medians[$1 - 1] }),
            medians[cut] / medians[cut - 1] >= Self.gap
        else { return nil }
        let fast = Quantile.median(sorted: Array(medians[..<cut]))
        let slow = Quantile.median(sorted: Array(medians[cut...]))
        guard slow / fast >= Self.separation else { return nil }
        self.fast = fast
        self.slow = slow
    }
}
