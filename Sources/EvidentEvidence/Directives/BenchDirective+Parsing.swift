import EvidentCore
import Foundation

extension BenchDirective {
    /// Validates a `bench` body and applies the defaults: samples auto, precision 3%, min 10 and max 1000 samples,
    /// 1 warm-up, budget 30s, timeout 60s, metric `wall_ns` (`process_wall_ns` for commands).
    init(_ body: DirectiveBody, essayFolder: URL) throws {
        (id, title, caption) = try body.header()
        variants = try BenchVariants.read(body, essayFolder: essayFolder)
        baseline = try Self.baseline(body, variants: variants)
        params = try BenchParams.read(body)
        try BenchParams.checkSize(
            params, variants: variants.count,
            at: body.value("params") ?? body.value("variants") ?? body.value("commands"))
        metricDescriptions = try BenchMetrics.read(body)
        metrics = metricDescriptions.map(\.name)
        samples = try body.value("samples").map(DirectiveQuantity.samples) ?? .auto
        precision = try body.value("precision").map(DirectiveQuantity.percent) ?? 0.03
        minSamples = try body.value("min_samples").map(DirectiveQuantity.minSamples) ?? 10
        maxSamples = try body.value("max_samples").map { try DirectiveQuantity.count($0, atLeast: 2) } ?? 1000
        // Point at the essay's own key when one of the two comes from the site's defaults.
        let bounds = ["max_samples", "min_samples"]
        if maxSamples < minSamples, let value = (bounds.filter(body.has) + bounds).lazy.compactMap(body.value).first {
            throw value.error(BenchFailure.maxBelowMin(max: maxSamples, min: minSamples))
        }
        warmup = try body.value("warmup").map { try DirectiveQuantity.count($0, atLeast: 0) } ?? 1
        budget = try body.value("budget").map(DirectiveQuantity.duration) ?? .seconds(30)
        timeout = try body.value("timeout").map(DirectiveQuantity.duration) ?? .seconds(60)
        isolate = try body.value("isolate").map { try $0.bool() } ?? false
        let params = params
        work = try body.value("work").map { try WorkDeclaration.read($0, params: params) }
        claims = try DirectiveClaim.list(body)
        location = body.location
    }

    private static func baseline(_ body: DirectiveBody, variants: [BenchVariant]) throws -> String {
        guard let value = body.value("baseline") else { return variants[0].name }
        let baseline = try value.text()
        let names = variants.map(\.name)
        guard names.contains(baseline) else {
            throw value.error(BenchFailure.unknownBaseline(baseline, variants: names))
        }
        return baseline
    }
}
