import Foundation

/// A validated `bench` directive: variants measured in every cell of the parameters, compared to a baseline.
public struct BenchDirective: Sendable, Equatable {
    /// The keys a `bench` body may have.
    static let keys = [
        "id", "title", "caption", "experiment", "variants", "commands", "baseline", "params", "metric", "samples",
        "precision", "min_samples", "max_samples", "warmup", "budget", "timeout", "claims",
    ]
    /// The metrics measured around a whole process, the only ones `commands` have.
    public static let processMetrics = ["process_wall_ns", "process_cpu_ns", "process_max_rss_bytes"]

    public var id: String
    public var title: String
    /// One Markdown sentence shown under the title.
    public var caption: String?
    /// The variants in the order written.
    public var variants: [BenchVariant]
    /// The variant every other is compared to.
    public var baseline: String
    /// The parameter axes in the order written.
    public var params: [BenchParam]
    /// The metrics, at least one; claims use the first unless they say `on METRIC`.
    public var metrics: [String]
    public var samples: SampleCount
    /// The target 95% CI half-width of `samples: auto`, as a fraction (0.03 for `3%`).
    public var precision: Double
    public var minSamples: Int
    public var maxSamples: Int
    /// Runs before the samples, not recorded.
    public var warmup: Int
    /// The wall-clock cap for the whole directive.
    public var budget: Duration
    /// The cap for one experiment process.
    public var timeout: Duration
    public var claims: [DirectiveClaim]
    /// The essay and the line of the opening fence.
    public var location: SourceLocation

    /// The metric claims use by default.
    public var metric: String { metrics[0] }

    /// Every combination of parameter values, first axis slowest (`[["n": "10"], ["n": "100"]]`); one empty cell
    /// when there are no parameters.
    public var cells: [[String: String]] {
        params.reduce([[:]]) { cells, param in
            cells.flatMap { cell in param.values.map { cell.merging([param.name: $0]) { $1 } } }
        }
    }

    /// The experiment files the variants come from, each once, in the order of the variants.
    public var experiments: [String] {
        var seen: Set<String> = []
        return variants.compactMap { variant in
            guard case .experiment(let path, _) = variant.source, seen.insert(path).inserted else { return nil }
            return path
        }
    }
}

/// One variant of a bench: a name and what runs for it.
public struct BenchVariant: Sendable, Equatable {
    /// Where the measured code of a variant is.
    public enum Source: Sendable, Equatable {
        /// A variant of an experiment file: `path` relative to the essay folder, run with `--variant variant`.
        case experiment(path: String, variant: String)
        /// A command line timed as a whole process.
        case command(String)
    }

    /// The name claims, tables and references use.
    public var name: String
    public var source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }
}

/// One parameter axis of a bench: a name and its values as their YAML text (`10`, `0.5`, `tcp`).
public struct BenchParam: Sendable, Equatable {
    public var name: String
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}
