import Foundation

extension Directive {
    /// A canonical JSON text of everything that affects the numbers and nothing else: variants and their sources,
    /// baseline, params, metrics, sampling, budget and timeout (bench); tools, snippets, marker and timeout (probe).
    /// Not the id, title, caption or claims. Keys are sorted and durations are in nanoseconds, so equal settings
    /// give equal text (`30s` and `30000ms` alike), and the evidence store can key measurements on it.
    var measuringFields: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        switch self {
        case .bench(let bench): data = try! encoder.encode(BenchFields(bench))
        case .probe(let probe): data = try! encoder.encode(ProbeFields(probe))
        }
        return String(decoding: data, as: UTF8.self)
    }
}

private struct BenchFields: Encodable {
    struct Variant: Encodable {
        let name: String
        let experiment: String?
        let variant: String?
        let command: String?
    }

    enum CodingKeys: String, CodingKey {
        case kind, variants, baseline, params, metrics, samples, precision, warmup, isolate
        case minSamples = "min_samples"
        case maxSamples = "max_samples"
        case budgetNanoseconds = "budget_ns"
        case timeoutNanoseconds = "timeout_ns"
    }

    let kind = DirectiveKind.bench
    let variants: [Variant]
    let baseline: String
    let params: [String: [String]]
    let metrics: [String]
    let samples: String
    let precision: Double
    let minSamples: Int
    let maxSamples: Int
    let warmup: Int
    let budgetNanoseconds: Int64
    let timeoutNanoseconds: Int64
    /// Only when true, so that the keys of directives that do not say it are what they were.
    let isolate: Bool?

    init(_ bench: BenchDirective) {
        variants = bench.variants.map { variant in
            switch variant.source {
            case .experiment(let path, let name):
                return Variant(name: variant.name, experiment: path, variant: name, command: nil)
            case .command(let command):
                return Variant(name: variant.name, experiment: nil, variant: nil, command: command)
            }
        }
        baseline = bench.baseline
        params = Dictionary(uniqueKeysWithValues: bench.params.map { ($0.name, $0.values) })
        metrics = bench.metrics
        switch bench.samples {
        case .auto: samples = "auto"
        case .fixed(let count): samples = String(count)
        }
        precision = bench.precision
        minSamples = bench.minSamples
        maxSamples = bench.maxSamples
        warmup = bench.warmup
        budgetNanoseconds = bench.budget.nanoseconds
        timeoutNanoseconds = bench.timeout.nanoseconds
        isolate = bench.isolate ? true : nil
    }
}

private struct ProbeFields: Encodable {
    enum CodingKeys: String, CodingKey {
        case kind, tools, snippets, marker
        case timeoutNanoseconds = "timeout_ns"
    }

    let kind = DirectiveKind.probe
    let tools: [String: String]
    let snippets: [String: String]
    let marker: String
    let timeoutNanoseconds: Int64

    init(_ probe: ProbeDirective) {
        tools = Dictionary(uniqueKeysWithValues: probe.tools.map { ($0.name, $0.command) })
        snippets = Dictionary(uniqueKeysWithValues: probe.snippets.map { ($0.name, $0.path) })
        marker = probe.marker
        timeoutNanoseconds = probe.timeout.nanoseconds
    }
}
