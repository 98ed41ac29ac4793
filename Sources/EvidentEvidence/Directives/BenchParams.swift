import EvidentCore

/// Reads the `params` of a bench: each key an axis, a single value an axis of one, a list an axis of several.
enum BenchParams {
    /// The most cells × variants one directive measures: each needs processes of its own in every round, so a
    /// larger grid would take hours and gigabytes before a number appears.
    static let maximumUnits = 1_000

    /// Refuses a grid of more than `maximumUnits` cells × variants, at `params`.
    static func checkSize(_ params: [BenchParam], variants: Int, at value: DirectiveValue?) throws {
        var units = variants
        for param in params {
            let (product, overflow) = units.multipliedReportingOverflow(by: param.values.count)
            units = overflow ? Int.max : product
        }
        guard units > maximumUnits, let value else { return }
        let count = units == Int.max ? "too many" : String(units)
        guard !params.isEmpty else {
            throw value.error(
                "\(variants) variants are more than the \(maximumUnits) one directive measures",
                fix: "split the variants over several directives")
        }
        let sizes = params.map { "\($0.values.count) \($0.name)" }.joined(separator: " × ")
        throw value.error(
            "\(sizes) values × \(variants) variants make \(count) cells to measure, more than the \(maximumUnits) one "
                + "directive measures",
            fix: "measure fewer values of each parameter, or split the grid over several directives")
    }

    static func read(_ body: DirectiveBody) throws -> [BenchParam] {
        guard let params = body.value("params") else { return [] }
        if body.has("commands") {
            throw params.error(
                "`params` cannot be combined with `commands`", fix: "write the values into the command lines")
        }
        return try params.entries().map { name, axis in
            let name = try DirectiveValidation.name(name, at: axis, "parameter")
            if case .mapping = axis.node {
                throw axis.wrongType(expected: "a value or a list of values", fix: "write `\(name): [1, 2]`")
            }
            var values: [String] = []
            for (written, item) in try axis.texts() {
                let value = ParameterValue.canonical(written)
                guard !value.contains(where: { $0.isWhitespace || $0 == "," || $0 == "=" }) else {
                    throw item.error(
                        "bad value `\(value)` for `params.\(name)`",
                        fix: "use values without spaces, commas or `=`; claims and references cite cells as k=v")
                }
                guard !values.contains(value) else {
                    throw item.error("`params.\(name)` lists `\(value)` twice", fix: "list each value once")
                }
                values.append(value)
            }
            return BenchParam(name: name, values: values)
        }
    }
}
