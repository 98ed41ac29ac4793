import EvidentCore
import EvidentEvidence

/// An inline reference (`` `=await-loop.gather.speedup@n=100` ``) as the measured number in the prose, with its
/// interval and sample count in a tooltip: `<span class="measured" title="95% CI [13.9–14.6], n = 40">14.2×</span>`.
enum InlineReferenceView {
    /// The HTML of the number `target` cites, or nil when the record has no such cell (or no ratio for it), for
    /// the caller to report.
    static func html(target: InlineReference.Target, record: EvidenceRecord) -> String? {
        guard let evidence = record.evidence(for: target.metric),
            let summary = evidence.summary(target.variant, target.cell)
        else { return nil }
        let metric = target.metric
        let median = MetricFormat.value(summary.median, metric: metric)
        let interval = MetricFormat.interval(summary.ci, metric: metric)
        let text: String
        let title: String
        switch target.stat {
        case .median:
            (text, title) = (median, "95% CI \(interval), n = \(summary.n)")
        case .ci:
            (text, title) = (interval, "median \(median), n = \(summary.n)")
        case .n:
            (text, title) = (String(summary.n), "median \(median), 95% CI \(interval)")
        case .ratio, .speedup:
            guard let ratio = evidence.ratio(target.variant, target.cell, baseline: record.baseline) else { return nil }
            let estimate = target.stat == .ratio ? ratio : ratio.reciprocal
            let against = target.stat == .ratio ? "to" : "over"
            (text, title) = (
                MetricFormat.ratio(estimate.ratio),
                "95% CI \(MetricFormat.ratioInterval(estimate.ci)), n = \(summary.n), \(against) \(record.baseline)"
            )
        }
        return #"<span class="measured" title="\#(Escape.html(title))">\#(Escape.html(text))</span>"#
    }
}
