/// How much work one sample of a bench does, as its `work:` key declares it: a count of operations (`2000`), a
/// parameter that counts them (`n`), or both multiplied (`2000*depth`). With it, a time no machine could reach
/// (`Plausibility`) shows that the optimizer removed the work.
package struct WorkDeclaration: Sendable, Equatable {
    /// The operations per sample besides the parameter, or all of them without one.
    package var factor: Double
    /// The parameter whose value multiplies `factor`, if any.
    package var parameter: String?

    /// The operations one sample of the cell `params` does; nil when the parameter's value there is not a number.
    package func operations(_ params: [String: String]) -> Double? {
        guard let parameter else { return factor }
        return params[parameter].flatMap(Double.init).map { $0 * factor }
    }

    /// Reads `work:`; the parameter must be one of `params`.
    static func read(_ value: DirectiveValue, params: [BenchParam]) throws -> WorkDeclaration {
        let text = try value.text()
        var factor = 1.0
        var parameter: String?
        for part in text.split(separator: "*").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if let number = Double(part), number > 0, number.isFinite {
                factor *= number
            } else if parameter == nil, params.contains(where: { $0.name == part }) {
                parameter = part
            } else {
                throw value.error(BenchFailure.badWork(text, params: params.map(\.name)))
            }
        }
        return WorkDeclaration(factor: factor, parameter: parameter)
    }
}
