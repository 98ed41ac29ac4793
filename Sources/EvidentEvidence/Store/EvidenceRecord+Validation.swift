import EvidentCore

extension EvidenceRecord {
    /// The first number of the record that cannot be right, worded with what it belongs to (`cell gather at
    /// n=100: n is 40, but the cell keeps 39 samples`); nil when every number is sound.
    ///
    /// A record read from a file may have been edited by hand, so everything that later computes with its numbers
    /// is checked first: `duration_s` and each probe's `seconds` are times, a machine has a core; in each cell (of
    /// every metric, and of `previous`) `n` is at least 1 and equals the count of the samples kept (a record's own
    /// cells keep them all), every sample and the median, min, max, MAD and CI ends lie in the metric's range
    /// (`MetricRange`), min ≤ CI lower ≤ median ≤ CI upper ≤ max (the run's own CI, `ci_run`, when the CI was
    /// widened by earlier runs, and the CI holds it), min and max are those of the samples, and the
    /// outliers number at most n, `rounds` (when kept) has one round per sample and as many rounds as `processes`;
    /// ratios and the numbers of claims are ratios: not negative, lower end first.
    func numberProblem() -> String? {
        if let problem = MetricRange(quantity: "time").problem(durationS) { return "duration_s: \(problem)" }
        if environment.cores < 1 { return "environment.cores is \(environment.cores); a machine has at least 1 core" }
        for evidence in [MetricEvidence(metric: metric, cells: cells, ratios: ratios)] + moreMetrics {
            let range = MetricRange(metric: evidence.metric)
            let metricNote = evidence.metric == metric ? "" : " (\(evidence.metric))"
            for cell in evidence.cells {
                if let problem = cell.numberProblem(range, keepsSamples: true) {
                    return "cell \(cell.key)\(metricNote): \(problem)"
                }
            }
            for ratio in evidence.ratios {
                if let problem = Self.ratioProblem(ratio.estimate) {
                    return "ratio of \(ratio.key)\(metricNote): \(problem)"
                }
            }
        }
        for cell in previous?.cells ?? [] {
            if let problem = cell.numberProblem(MetricRange(metric: metric), keepsSamples: false) {
                return "previous cell \(cell.key): \(problem)"
            }
        }
        for claim in claims {
            if let problem = Self.ratioProblem(claim.ratio, ci: claim.ci) { return "claim `\(claim.text)`: \(problem)" }
        }
        for result in probe ?? [] {
            if let problem = MetricRange(quantity: "time").problem(result.seconds) {
                return "probe result of \(result.tool) on \(result.snippet): seconds: \(problem)"
            }
        }
        return nil
    }

    /// What is wrong with a stored ratio: its ratio and interval, and this run's own interval inside it when kept.
    private static func ratioProblem(_ estimate: RatioEstimate) -> String? {
        let ci = estimate.ci
        if let problem = ratioProblem(estimate.ratio, ci: [ci.lowerBound, ci.upperBound]) { return problem }
        guard let run = estimate.runCI else { return nil }
        if let problem = ratioProblem(nil, ci: [run.lowerBound, run.upperBound]) { return "ci_run: \(problem)" }
        return widenedProblem(ci, run)
    }

    /// What is wrong with an interval `ci` widened from this run's own `run`: it must hold it.
    fileprivate static func widenedProblem(_ ci: ClosedRange<Double>, _ run: ClosedRange<Double>) -> String? {
        guard ci.lowerBound <= run.lowerBound, run.upperBound <= ci.upperBound else {
            return "ci [\(ci.lowerBound), \(ci.upperBound)] does not hold ci_run [\(run.lowerBound), "
                + "\(run.upperBound)], the interval it widens"
        }
        return nil
    }

    /// What is wrong with a ratio of medians and its interval `[lower, upper]`, when given.
    private static func ratioProblem(_ ratio: Double?, ci: [Double]?) -> String? {
        let range = MetricRange(quantity: "ratio")
        if let ratio, let problem = range.problem(ratio) { return "ratio: \(problem)" }
        guard let ci else { return nil }
        guard ci.count == 2 else {
            return "ci is not [lower, upper]: it lists \(ci.count) number\(ci.count == 1 ? "" : "s")"
        }
        if let problem = ci.lazy.compactMap(range.problem).first { return "ci: \(problem)" }
        return ci[0] <= ci[1] ? nil : "ci [\(ci[0]), \(ci[1])] has its lower end above its upper end"
    }
}

extension EvidenceCell {
    /// What is wrong with the cell's numbers as values of a metric in `range`; `keepsSamples` when `n` must be
    /// the count of its samples.
    fileprivate func numberProblem(_ range: MetricRange, keepsSamples: Bool) -> String? {
        let summary = summary
        guard summary.n >= 1 else { return "n is \(summary.n); a cell has at least one sample" }
        if keepsSamples || !samples.isEmpty, samples.count != summary.n {
            return "n is \(summary.n), but the cell keeps \(samples.count) samples"
        }
        for (index, sample) in samples.enumerated() {
            if let problem = range.problem(sample) { return "sample \(index + 1): \(problem)" }
        }
        let run = summary.runCI ?? summary.ci
        let fields =
            [
                ("median", summary.median), ("min", summary.min), ("max", summary.max), ("ci", summary.ci.lowerBound),
                ("ci", summary.ci.upperBound), ("ci_run", run.lowerBound), ("ci_run", run.upperBound),
            ] + earlier.map { ("earlier", $0) }
        for (name, value) in fields {
            if let problem = range.problem(value) { return "\(name): \(problem)" }
        }
        if let problem = MetricRange(quantity: "deviation").problem(summary.mad) { return "mad: \(problem)" }
        let ordered = [summary.min, run.lowerBound, summary.median, run.upperBound, summary.max]
        guard zip(ordered, ordered.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            return "min \(summary.min), ci [\(run.lowerBound), \(run.upperBound)], median "
                + "\(summary.median) and max \(summary.max) are not in the order min ≤ ci ≤ max with the median inside"
        }
        if let problem = EvidenceRecord.widenedProblem(summary.ci, run) { return problem }
        if earlier.count > RunDrift.runsKept {
            return "earlier lists \(earlier.count) runs; evident keeps at most \(RunDrift.runsKept)"
        }
        if let smallest = samples.min(), let largest = samples.max(), smallest != summary.min || largest != summary.max
        {
            return "min \(summary.min) and max \(summary.max) are not those of the samples (\(smallest) and \(largest))"
        }
        guard (0...summary.n).contains(summary.outliers) else {
            return "outliers is \(summary.outliers), not a count between 0 and n (\(summary.n))"
        }
        return processProblem()
    }

    /// What is wrong with the cell's `rounds` and `processes`: one round per sample, none negative, and as many
    /// processes as rounds, at most one per sample.
    private func processProblem() -> String? {
        if !rounds.isEmpty, rounds.count != samples.count {
            return "rounds lists \(rounds.count) rounds for \(samples.count) samples; it needs one per sample"
        }
        if let negative = rounds.first(where: { $0 < 0 }) { return "rounds: \(negative) is not a round number" }
        if !pairs.isEmpty, pairs.count != samples.count || rounds.count != samples.count {
            return "pairs lists \(pairs.count) pairs for \(samples.count) samples; it needs one per sample, and rounds"
        }
        if let negative = pairs.first(where: { $0 < 0 }) { return "pairs: \(negative) is not a pair number" }
        guard let processes = summary.processes else { return nil }
        guard (1...summary.n).contains(processes) else {
            return "processes is \(processes), not a count between 1 and n (\(summary.n))"
        }
        let distinct = Set(rounds).count
        if !rounds.isEmpty, distinct != processes {
            return "processes is \(processes), but the samples come from \(distinct) rounds"
        }
        return nil
    }
}
