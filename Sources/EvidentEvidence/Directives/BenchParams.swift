/// Reads the `params` of a bench: each key an axis, a single value an axis of one, a list an axis of several.
enum BenchParams {
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
            for (value, item) in try axis.texts() {
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
