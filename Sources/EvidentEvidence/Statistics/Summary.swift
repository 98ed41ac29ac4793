/// What a page shows for one cell: the robust summary of a sample of measurements.
///
/// - `median` and its 95% confidence interval `ci` from order statistics (see `MedianInterval`): distribution-free
///   and deterministic. With fewer than six values no 95% interval exists; `ci` is then `[min, max]` and
///   `ciReachesConfidence` is false.
/// - `mad` is the *unscaled* median absolute deviation, `median(|x − median|)`, as pyperf reports it. Multiply by
///   `Summary.sigmaPerMAD` (1.4826) for a robust estimate of the standard deviation.
/// - `outliers` counts (never drops) the values further than 3 scaled MADs (`3 × 1.4826 × mad`, about three
///   standard deviations for normal data) from the median. When `mad` is 0, every value other than the median is
///   an outlier.
///
/// - `processes`, when the samples' processes are known (`init(of:rounds:)`): how many processes took them. `ci` is
///   then the hierarchical bootstrap interval of `ProcessInterval`, which counts only from
///   `ProcessInterval.fewestProcesses` processes on. Without it (evidence stored before processes were kept) `ci`
///   covers sampling within one run only.
///
/// - `runCI`, when earlier runs of the same code on the same kind of machine were kept: this run's own interval,
///   which `ci` widens by the drift between runs (`widened(by:)`, `RunDrift`).
///
/// It encodes to the keys of a cell in the stored evidence: `n`, `median`, `ci` (`[lower, upper]`), `min`, `max`,
/// `mad`, `outliers`, `processes` when known, and `ci_run` when widened.
package struct Summary: Sendable, Equatable, Codable {
    /// The factor turning the MAD into a consistent estimate of the standard deviation of normal data.
    static let sigmaPerMAD = 1.4826
    /// How many scaled MADs from the median a value must be to count as an outlier.
    static let outlierThreshold = 3.0

    package var n: Int
    package var median: Double
    /// The 95% confidence interval of the median.
    package var ci: ClosedRange<Double>
    var min: Double
    var max: Double
    /// The unscaled median absolute deviation.
    var mad: Double
    /// How many values lie beyond `outlierThreshold` scaled MADs from the median.
    package var outliers: Int
    /// How many processes took the samples; nil when not known (then `ci` is within-run only).
    package var processes: Int?
    /// This run's own interval when `ci` was widened by the drift between runs; nil when it was not.
    package var runCI: ClosedRange<Double>?

    enum CodingKeys: String, CodingKey {
        case n, median, ci, min, max, mad, outliers, processes
        case runCI = "ci_run"
    }
}

extension Summary {
    /// Summarizes a sample; nil when it is empty or holds a value that is not finite.
    init?(of samples: [Double]) {
        guard !samples.isEmpty, samples.allSatisfy(\.isFinite) else { return nil }
        let sorted = samples.sorted()
        let median = Quantile.median(sorted: sorted)
        let deviations = sorted.map { abs($0 - median) }
        let mad = Quantile.median(sorted: deviations.sorted())
        let limit = Self.outlierThreshold * Self.sigmaPerMAD * mad
        let interval = MedianInterval(count: sorted.count)
        self.init(
            n: sorted.count,
            median: median,
            ci: sorted[interval.lowerRank - 1]...sorted[interval.upperRank - 1],
            min: sorted[0],
            max: sorted[sorted.count - 1],
            mad: mad,
            outliers: deviations.count(where: { $0 > limit })
        )
    }

    /// Summarizes a sample whose values came from processes that ran in `rounds` (one round per value), with the
    /// hierarchical interval of `ProcessInterval`; with no rounds, as `init(of:)`. Nil as `init(of:)`, or when
    /// `rounds` does not have one round per value.
    init?(of samples: [Double], rounds: [Int]) {
        self.init(of: samples)
        guard !rounds.isEmpty else { return }
        guard let clustered = ClusteredSample(samples, rounds: rounds) else { return nil }
        // A resample's median of an even count lies between two samples; rounding may put it one last digit
        // beyond the sample's range, which a stored file must never show.
        let interval = ProcessInterval.of(clustered, median: median)
        ci = Swift.max(interval.lowerBound, min)...Swift.min(interval.upperBound, max)
        processes = clustered.clusterCount
    }

    /// The summary with `ci` widened by the drift between runs to hold the next of `earlier` runs' medians (newest
    /// first) and this one, and this run's own interval kept in `runCI`.
    func widened(by drift: RunDrift, earlier: [Double]) -> Summary {
        var summary = self
        summary.runCI = runCI ?? ci
        summary.ci = drift.widen(ci, series: [median] + earlier)
        return summary
    }

    /// False when the sample is too small (under six values) for a 95% interval, so `ci` is only `[min, max]`.
    /// Read from `n` alone, so that a count from a file costs nothing however large it claims to be.
    package var ciReachesConfidence: Bool { n >= MedianInterval.fewestConfidentValues }

    /// Whether `ci` is meant to hold a rerun's median: it comes from at least `ProcessInterval.fewestProcesses`
    /// processes. False for an interval within one run (`processes` unknown) or from too few processes.
    package var ciCoversReruns: Bool { (processes ?? 0) >= ProcessInterval.fewestProcesses }

    /// The half-width of `ci` relative to the median, `(upper − lower) / 2 / median`: what `samples: auto`
    /// compares with the directive's `precision`. Infinite when the median is 0 and the interval is not.
    package var relativeHalfWidth: Double {
        let halfWidth = ci.upperBound / 2 - ci.lowerBound / 2  // halved first: the difference may overflow
        if halfWidth == 0 { return 0 }
        return halfWidth / abs(median)
    }
}
