import EvidentCore
import Foundation

/// A validated `bench` directive: variants measured in every cell of the parameters, compared to a baseline.
package struct BenchDirective: Sendable, Equatable {
    /// The keys a `bench` body may have.
    static let keys = [
        "id", "title", "caption", "experiment", "variants", "commands", "baseline", "params", "metric", "samples",
        "precision", "min_samples", "max_samples", "warmup", "budget", "timeout", "isolate", "work", "claims",
    ]
    /// The metrics measured around a whole process, the only ones `commands` have.
    static let processMetrics = ["process_wall_ns", "process_cpu_ns", "process_max_rss_bytes"]

    package var id: String
    package var title: String
    /// One Markdown sentence shown under the title.
    package var caption: String?
    /// The variants in the order written.
    package var variants: [BenchVariant]
    /// The variant every other is compared to.
    package var baseline: String
    /// The parameter axes in the order written.
    package var params: [BenchParam]
    /// The metrics, at least one; claims use the first unless they say `on METRIC`.
    package var metrics: [String]
    /// The metrics with how the page presents each, in the same order.
    package var metricDescriptions: [MetricDescription]
    var samples: SampleCount
    /// The target 95% CI half-width of `samples: auto`, as a fraction (0.03 for `3%`).
    package var precision: Double
    var minSamples: Int
    package var maxSamples: Int
    /// Runs before the samples, not recorded.
    var warmup: Int
    /// The wall-clock cap for the whole directive.
    package var budget: Duration
    /// The cap for one experiment process.
    var timeout: Duration
    /// Whether every variant runs in processes of its own, even where variants of one experiment could share one
    /// and alternate in pairs (`ProcessSharing`): for variants that start pools or servers, or change the process.
    var isolate = false
    /// The operations one sample does (`work:`), for `Plausibility`; nil when not declared.
    package var work: WorkDeclaration?
    var claims: [DirectiveClaim]
    /// The essay and the line of the opening fence.
    package var location: SourceLocation

    /// Whether the directive asks for a precision (`samples: auto`) rather than a fixed sample count.
    package var asksPrecision: Bool { samples == .auto }

    /// The metric claims use by default.
    var metric: String { metrics[0] }

    /// Every combination of parameter values, first axis slowest (`[["n": "10"], ["n": "100"]]`); one empty cell
    /// when there are no parameters.
    package var cells: [[String: String]] {
        params.reduce([[:]]) { cells, param in
            cells.flatMap { cell in param.values.map { cell.merging([param.name: $0]) { $1 } } }
        }
    }

    /// The variants that run an experiment file, in the directive's order.
    package var fileVariants: [FileVariant] {
        variants.compactMap { variant in
            guard case .experiment(let path, let name) = variant.source else { return nil }
            return FileVariant(name: variant.name, path: path, nameInFile: name)
        }
    }

    /// The experiment files the variants come from, each once, in the order of the variants.
    var experiments: [String] {
        var seen: Set<String> = []
        return variants.compactMap { variant in
            guard case .experiment(let path, _) = variant.source, seen.insert(path).inserted else { return nil }
            return path
        }
    }
}

/// One variant of a bench: a name and what runs for it.
package struct BenchVariant: Sendable, Equatable {
    /// Where the measured code of a variant is.
    enum Source: Sendable, Equatable {
        /// A variant of an experiment file: `path` relative to the essay folder, run with `--variant variant`.
        case experiment(path: String, variant: String)
        /// A command line timed as a whole process.
        case command(String)
    }

    /// The name claims, tables and references use.
    package var name: String
    var source: Source
}

/// A variant that runs an experiment file: its name in the directive, the file (relative to the essay folder) and
/// the name the file answers to (`--variant`).
package struct FileVariant: Sendable, Equatable {
    package var name: String
    package var path: String
    package var nameInFile: String
}

/// One parameter axis of a bench: a name and its values as their YAML text (`10`, `0.5`, `tcp`).
package struct BenchParam: Sendable, Equatable {
    package var name: String
    package var values: [String]
}
