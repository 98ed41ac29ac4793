/// The 95% interval of a cell's median from a hierarchical bootstrap over its processes.
///
/// Samples taken by one process are not independent (they share its start-up, its memory layout, the machine's
/// state while it ran), so the process is the unit: each of `resamples` resamples (2,000) draws as many processes
/// as the cell has, with replacement, then as many samples as each drawn process took, with replacement from that
/// process; the interval runs from the 2.5% to the 97.5% quantile of the resamples' medians (`Quantile.cut`),
/// widened to hold the cell's median if it does not. The generator is seeded: the same samples always give the
/// same interval. A cell of one process gets the within-process interval, which `Summary` says is not enough.
package enum ProcessInterval {
    /// The fewest processes for which the interval counts as covering a rerun.
    package static let fewestProcesses = 5

    /// The interval of the median of `sample`, whose median is `median`.
    static func of(
        _ sample: ClusteredSample, median: Double, resamples: Int = 2_000, seed: UInt64 = RatioEstimate.defaultSeed
    ) -> ClosedRange<Double> {
        var sample = sample
        var random = SplitMix64(seed: seed)
        var medians = [Double](repeating: 0, count: resamples)
        for index in 0..<resamples {
            sample.clear()
            for _ in 0..<sample.clusterCount { sample.drawCluster(using: &random) }
            medians[index] = sample.median()
        }
        medians.sort()
        let lower = Quantile.cut(1, of: 40, sorted: medians)
        let upper = Quantile.cut(39, of: 40, sorted: medians)
        return Swift.min(lower, median)...Swift.max(upper, median)
    }
}
