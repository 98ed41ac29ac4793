import EvidentCore
import EvidentEvidence

/// An inline reference (`` `=await-loop.gather.speedup@n=100` ``) as the measured number in the prose, a factor
/// written as people say it (`69.9× faster`), with its interval and sample count in a detail that focus, hover
/// and touch reveal and screen readers read: `<span class="measured" tabindex="0">69.9× faster<span
/// class="measured-detail"> (95 % CI 68.0–71.9, 40 samples, against sync)</span></span>`.
enum InlineReferenceView {
    /// The HTML of the number `target` cites, or nil when the record has no such cell (or no ratio for it), for
    /// the caller to report.
    static func html(target: InlineReference.Target, record: EvidenceRecord) -> String? {
        guard let evidence = record.evidence(for: target.metric),
            let summary = evidence.summary(target.variant, target.cell)
        else { return nil }
        let presentation =
            target.bench.metricDescriptions.first { $0.name == target.metric }.map(MetricPresentation.init)
            ?? MetricPresentation(name: target.metric)
        let median = MetricFormat.value(summary.median, scale: presentation.scale)
        let interval = MetricFormat.interval(summary.ci, scale: presentation.scale)
        let samples = "\(summary.n) samples"
        let text: String
        let detail: String
        switch target.stat {
        case .median:
            (text, detail) = (median, "95 % CI \(interval), \(samples)")
        case .ci:
            (text, detail) = (interval, "median \(median), \(samples)")
        case .n:
            (text, detail) = (String(summary.n), "median \(median), 95 % CI \(interval)")
        case .ratio, .speedup:
            guard let ratio = evidence.ratio(target.variant, target.cell, baseline: record.baseline) else { return nil }
            let factor = Factor(ratio: ratio.ratio, ci: ratio.ci, words: presentation.factorWords)
            let reach = factor.interval.map { "95 % CI \($0), " } ?? ""
            (text, detail) = (factor.text, "\(reach)\(samples), against \(record.baseline)")
        }
        return #"<span class="measured" tabindex="0">\#(Escape.html(text))"#
            + #"<span class="measured-detail"> (\#(Escape.html(detail)))</span></span>"#
    }
}
