import Foundation

/// How far one variant's values wander between runs of the same code on one kind of machine, estimated from the
/// runs kept in its evidence, and the interval that widens a run's own interval by it.
///
/// One run's interval (`ProcessInterval`, `PairedRounds`) sees only the spread between that run's processes; runs
/// minutes apart differ by more (the machine's other work, its clock, its caches). Each series is one cell's
/// value in this run followed by its values in earlier runs, newest first. The spread is the pooled standard
/// deviation of the series around their own means, of their logarithms when every value is positive (drift is
/// proportional), else of the values; a series of `k + 1` runs adds `k` degrees of freedom. The interval is meant
/// to hold a rerun's value: a 95 % prediction interval for the next run of a series of `m` runs, centred on the
/// series' mean `c` and reaching `r = t·s·√(1 + 1/m)` on each side (in logarithms when they are used), `t` the
/// 97.5 % quantile of Student's t at the pooled degrees of freedom. A run's interval becomes the union of its own
/// and `[c − r, c + r]`; with no earlier run of the cell (`m = 1`) that is this run's value `± t·s·√2`. A series
/// whose runs fell at two speeds (`RunStates`) adds the spread around each group's mean at two degrees of freedom
/// fewer, and its interval reaches from the fast group to the slow one.
package struct RunDrift: Sendable, Equatable {
    /// How many earlier runs a cell keeps: enough for the spread, few enough to follow a machine that changes.
    package static let runsKept = 9
    /// The degrees of freedom a variant's own runs need before its drift is its own alone; until then it borrows
    /// the rest from its directive's pool (`init(own:borrowingFrom:)`).
    static let ownFreedom = 4

    /// The pooled standard deviation (of the logarithms when `logarithmic`).
    let spread: Double
    let degreesOfFreedom: Int
    let logarithmic: Bool

    /// The drift of `series` (each this run's value, then the earlier runs', newest first); nil when no series
    /// has an earlier run or a value is not finite.
    init?(pooling series: [[Double]]) {
        let series = series.filter { $0.count > 1 }
        let values = series.joined()
        guard !series.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
        logarithmic = values.allSatisfy { $0 > 0 }
        var squares = 0.0
        var freedom = 0
        for run in series {
            let points = logarithmic ? run.map { Foundation.log($0) } : run
            if logarithmic, let states = RunStates(points: points) {
                squares += states.squares
                freedom += states.degreesOfFreedom
                continue
            }
            squares += RunStates.squares(points[...])
            freedom += points.count - 1
        }
        spread = (squares / Double(freedom)).squareRoot()
        degreesOfFreedom = freedom
    }

    /// The drift of `own` (one variant's series); while it has fewer than `ownFreedom` degrees of freedom, mixed
    /// with `pool` (the drift of every series of its directive, its own included): the variance of each weighted
    /// by its degrees of freedom, and Student's t at the pool's. A variant with few earlier runs is then judged by
    /// the machine's drift as its whole directive saw it, never by Student's t at one degree of freedom; one with
    /// enough runs by its own spread, so that a steady variant is not widened by a noisy neighbour. Nil without
    /// earlier runs.
    init?(own: [[Double]], borrowingFrom pool: RunDrift?) {
        guard let mine = RunDrift(pooling: own) else { return nil }
        guard let pool, mine.degreesOfFreedom < Self.ownFreedom, pool.degreesOfFreedom > mine.degreesOfFreedom,
            pool.logarithmic == mine.logarithmic
        else {
            self = mine
            return
        }
        let (own, pooled) = (Double(mine.degreesOfFreedom), Double(pool.degreesOfFreedom))
        spread = ((own * mine.spread * mine.spread + pooled * pool.spread * pool.spread) / (own + pooled)).squareRoot()
        degreesOfFreedom = pool.degreesOfFreedom
        logarithmic = mine.logarithmic
    }

    /// `interval` widened to hold the next run of `series` (this run's value first, then the earlier runs'): its
    /// mean `± t·spread·√(1 + 1/m)` for `m` runs; a lower end that drift would take below zero stays at zero when
    /// the values and the interval are not negative.
    func widen(_ interval: ClosedRange<Double>, series: [Double]) -> ClosedRange<Double> {
        guard let value = series.first, !logarithmic || series.allSatisfy({ $0 > 0 }) else { return interval }
        let points = logarithmic ? series.map { Foundation.log($0) } : series
        let (low, high) = logarithmic ? RunStates(points: points).map(range) ?? range(points) : range(points)
        var lower = logarithmic ? exp(low) : low
        let upper = logarithmic ? exp(high) : high
        if interval.lowerBound >= 0, value >= 0 { lower = Swift.max(lower, 0) }
        return Swift.min(lower, interval.lowerBound)...Swift.max(upper, interval.upperBound)
    }

    /// The prediction interval of the next of `points`: their mean `± t·spread·√(1 + 1/m)`.
    private func range(_ points: [Double]) -> (Double, Double) {
        let centre = RunStates.mean(points[...])
        return (centre - reach(runs: points.count), centre + reach(runs: points.count))
    }

    /// The prediction interval of the next run of a series at two speeds: from the fast group's mean less its
    /// reach to the slow group's mean plus its reach, each `t·spread·√(1 + 1/m)` for the group's `m` runs.
    private func range(_ states: RunStates) -> (Double, Double) {
        (states.fast.mean - reach(runs: states.fast.runs), states.slow.mean + reach(runs: states.slow.runs))
    }

    private func reach(runs: Int) -> Double {
        Self.studentQuantile(degreesOfFreedom: degreesOfFreedom) * spread * (1 + 1 / Double(runs)).squareRoot()
    }

    /// The 97.5 % quantile of Student's t distribution: tabulated to 30 degrees of freedom, beyond that the first
    /// terms of its expansion around the normal quantile (within 0.001 of the exact value).
    static func studentQuantile(degreesOfFreedom: Int) -> Double {
        let table = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
            2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
        ]
        if degreesOfFreedom <= table.count { return table[Swift.max(degreesOfFreedom, 1) - 1] }
        let z = 1.959964
        let df = Double(degreesOfFreedom)
        return z + (z * z * z + z) / (4 * df) + (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * df * df)
    }
}
