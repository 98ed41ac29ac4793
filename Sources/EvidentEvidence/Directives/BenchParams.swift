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
        guard !params.isEmpty else {
            throw value.error(BenchFailure.tooManyVariants(variants, limit: maximumUnits))
        }
        throw value.error(
            BenchFailure.tooManyCells(
                params, variants: variants, cells: units == Int.max ? nil : units, limit: maximumUnits))
    }

    static func read(_ body: DirectiveBody) throws -> [BenchParam] {
        guard let params = body.value("params") else { return [] }
        if body.has("commands") {
            throw params.error(BenchFailure.paramsWithCommands)
        }
        return try params.entries().map { name, axis in
            let name = try DirectiveValidation.name(name, at: axis, "parameter")
            if case .mapping = axis.node {
                throw axis.error(BenchFailure.paramIsMap(name))
            }
            var values: [String] = []
            for (written, item) in try axis.texts() {
                let value = ParameterValue.canonical(written)
                guard !value.contains(where: { $0.isWhitespace || $0 == "," || $0 == "=" }) else {
                    throw item.error(BenchFailure.badParamValue(param: name, value: value))
                }
                guard !values.contains(value) else {
                    throw item.error(BenchFailure.paramValueTwice(param: name, value: value))
                }
                values.append(value)
            }
            return BenchParam(name: name, values: values)
        }
    }
}
