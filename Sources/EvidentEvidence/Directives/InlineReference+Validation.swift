import EvidentCore

extension InlineReference {
    /// What a valid reference points at: one variant's statistic of one metric in one cell of a bench.
    package struct Target: Sendable, Equatable {
        package var bench: BenchDirective
        package var variant: String
        package var stat: Stat
        package var metric: String
        /// The whole cell: the parameters written after `@` and those with a single value.
        package var cell: [String: String]
    }

    /// Finds what the reference cites among the directives of its essay.
    /// - Throws: an `EvidentError` at the reference for an unknown id, variant, metric, parameter or cell.
    @discardableResult
    package func validate(against directives: [Directive]) throws -> Target {
        guard let directive = directives.first(where: { $0.id == id }) else {
            let ids = directives.map(\.id)
            throw error(
                "unknown id `\(id)` in `\(text)`",
                fix: ids.isEmpty
                    ? "this essay has no directive to cite"
                    : EditDistance.suggestion(for: id, among: ids, noun: "ids"))
        }
        guard case .bench(let bench) = directive else {
            throw error("`\(id)` is a probe; inline references cite the numbers of a bench", fix: "cite a bench's id")
        }
        let variants = bench.variants.map(\.name)
        guard variants.contains(variant) else {
            throw error(
                "`\(id)` has no variant `\(variant)`",
                fix: EditDistance.suggestion(for: variant, among: variants, noun: "variants"))
        }
        let metric = metric ?? bench.metric
        guard bench.metrics.contains(metric) else {
            throw error(
                "`\(id)` does not measure `\(metric)`",
                fix: EditDistance.suggestion(for: metric, among: bench.metrics, noun: "metrics"))
        }
        return Target(bench: bench, variant: variant, stat: stat, metric: metric, cell: try cell(in: bench))
    }

    /// The whole cell the parameters name, with every single-valued parameter filled in.
    private func cell(in bench: BenchDirective) throws -> [String: String] {
        for (name, value) in params.sorted(by: { $0.key < $1.key }) {
            let names = bench.params.map(\.name)
            guard let param = bench.params.first(where: { $0.name == name }) else {
                throw error(
                    "`\(id)` has no parameter `\(name)`",
                    fix: names.isEmpty
                        ? "remove `@…`: it has no parameters"
                        : EditDistance.suggestion(for: name, among: names, noun: "parameters"))
            }
            guard param.values.contains(value) else {
                throw error(
                    "`\(id)` has no cell with \(name)=\(value)",
                    fix: "\(name) is one of: \(param.values.joined(separator: ", "))")
            }
        }
        let missing = bench.params.filter { params[$0.name] == nil && $0.values.count > 1 }
        guard missing.isEmpty else {
            let choices = missing.map { "\($0.name) (\($0.values.joined(separator: ", ")))" }
            throw error(
                "`\(text)` does not say which cell",
                fix: "add a value after `@` for \(choices.joined(separator: "; "))")
        }
        return bench.params.reduce(into: params) { cell, param in
            cell[param.name] = cell[param.name] ?? param.values[0]
        }
    }

    private func error(_ message: String, fix: String) -> EvidentError {
        EvidentError(.input, at: location, message, fix: fix)
    }
}
