import EvidentCore

/// What is wrong with the keys only a bench directive has: what it runs, its variants, metrics, parameters, work
/// and sample bounds. The English is here.
package enum BenchFailure: FailureReason {
    /// `commands` given with `experiment` or `variants` (`other`).
    case commandsCombined(with: String)
    /// Neither `experiment`, `variants` nor `commands`.
    case nothingToRun
    /// `experiment` without `variants`.
    case noVariants(experiment: String)
    case experimentWithVariantMap
    case variantListWithoutExperiment
    case variantTwice(String)
    /// `variants` is neither a list nor a map.
    case variantsShape(found: DirectiveValueFailure.Shape)
    /// A mapped variant's source without `#`.
    case variantSourceWithoutHash(variant: String, source: String)
    /// A mapped variant's source with an empty file or a bad variant name after `#`.
    case badVariantSource(variant: String, source: String)
    case badMetricName(String)
    /// A metric that `commands` (whole processes) cannot give, with those it can.
    case metricNotForCommands(String, available: [String])
    case metricTwice(String)
    case unknownMetricKey(String, known: [String])
    case metricWithoutName
    case badBetter(String)
    /// More variants than one directive measures.
    case tooManyVariants(Int, limit: Int)
    /// A grid of more cells (nil: beyond counting) than one directive measures.
    case tooManyCells([BenchParam], variants: Int, cells: Int?, limit: Int)
    case paramsWithCommands
    /// A parameter written as a map.
    case paramIsMap(String)
    case badParamValue(param: String, value: String)
    case paramValueTwice(param: String, value: String)
    /// `work:` that is not a product of numbers and one parameter, with the parameters.
    case badWork(String, params: [String])
    case maxBelowMin(max: Int, min: Int)
    case unknownBaseline(String, variants: [String])

    package var kind: EvidentError.Kind { .input }

    package var message: String {
        switch self {
        case .commandsCombined(let other): return "`commands` cannot be combined with `\(other)`"
        case .nothingToRun: return "the bench directive says nothing to run"
        case .noVariants: return "the bench directive has no `variants`"
        case .experimentWithVariantMap: return "`experiment` is given with `variants` as a map"
        case .variantListWithoutExperiment: return "`variants` is a list but there is no `experiment`"
        case .variantTwice(let name): return "variant `\(name)` is listed twice"
        case .variantsShape(let found): return "`variants` must be a list or a map, not \(found.words)"
        case .variantSourceWithoutHash(let variant, let source), .badVariantSource(let variant, let source):
            return "variant `\(variant)` must be `file#variant`, not `\(source)`"
        case .badMetricName(let name): return "bad metric name `\(name)`"
        case .metricNotForCommands(let name, _): return "`commands` cannot measure `\(name)`"
        case .metricTwice(let name): return "metric `\(name)` is listed twice"
        case .unknownMetricKey(let key, _): return "unknown key `\(key)` in a metric"
        case .metricWithoutName: return "a metric written as a map has no `name`"
        case .badBetter(let text): return "`better: \(text)` is neither `lower` nor `higher`"
        case .tooManyVariants(let count, let limit):
            return "\(count) variants are more than the \(limit) one directive measures"
        case .tooManyCells(let params, let variants, let cells, let limit):
            let sizes = params.map { "\($0.values.count) \($0.name)" }.joined(separator: " × ")
            return "\(sizes) values × \(variants) variants make \(cells.map(String.init) ?? "too many") cells to "
                + "measure, more than the \(limit) one directive measures"
        case .paramsWithCommands: return "`params` cannot be combined with `commands`"
        case .paramIsMap(let name): return "`params.\(name)` must be a value or a list of values, not a map"
        case .badParamValue(let param, let value): return "bad value `\(value)` for `params.\(param)`"
        case .paramValueTwice(let param, let value): return "`params.\(param)` lists `\(value)` twice"
        case .badWork(let text, _): return "`work: \(text)` is not a count of operations per sample"
        case .maxBelowMin(let max, let min): return "`max_samples` (\(max)) is less than `min_samples` (\(min))"
        case .unknownBaseline(let name, _): return "baseline `\(name)` is not a variant"
        }
    }

    package var fix: String? {
        switch self {
        case .commandsCombined: return "time whole processes with `commands`, or run an experiment's variants; not both"
        case .nothingToRun:
            return "add `experiment:` and `variants:` (a list), `variants:` as a map of name → `file#variant`, "
                + "or `commands:`"
        case .noVariants(let experiment):
            return "add `variants: [a, b]`, the names of the variants `\(experiment)` defines"
        case .experimentWithVariantMap:
            return "a map names each variant's file (`file#variant`): remove `experiment`, or make `variants` a list"
        case .variantListWithoutExperiment:
            return "add `experiment:` with the file that defines them, or make `variants` a map of name → "
                + "`file#variant`"
        case .variantTwice: return "give each variant its own name"
        case .variantsShape: return "write `variants: [a, b]` with `experiment:`, or a map of name → `file#variant`"
        case .variantSourceWithoutHash(let variant, let source): return "write `\(source)#\(variant)`"
        case .badVariantSource(let variant, _):
            return "write a path, `#` and the variant's name in that file, like `experiments/x.py#\(variant)`"
        case .badMetricName: return "write it as the experiment prints it, like `wall_ns`"
        case .metricNotForCommands(_, let available):
            return "use \(available.joined(separator: ", ")); an experiment can report other metrics"
        case .metricTwice: return "list each metric once"
        case .unknownMetricKey(let key, let known): return EditDistance.suggestion(for: key, among: known, noun: "keys")
        case .metricWithoutName: return "add `name:` as the experiment prints it"
        case .badBetter: return "write `better: lower` or `better: higher`"
        case .tooManyVariants: return "split the variants over several directives"
        case .tooManyCells: return "measure fewer values of each parameter, or split the grid over several directives"
        case .paramsWithCommands: return "write the values into the command lines"
        case .paramIsMap(let name): return "write `\(name): [1, 2]`"
        case .badParamValue: return "use values without spaces, commas or `=`; claims and references cite cells as k=v"
        case .paramValueTwice: return "list each value once"
        case .badWork(_, let params):
            return "write a number (`2000`), a parameter (`n`) or both (`2000*n`); the parameters: "
                + params.joined(separator: ", ")
        case .maxBelowMin: return "raise `max_samples` or lower `min_samples`"
        case .unknownBaseline(let name, let variants):
            return EditDistance.suggestion(for: name, among: variants, noun: "variants")
        }
    }
}
