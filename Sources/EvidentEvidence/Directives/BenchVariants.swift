import EvidentCore
import Foundation

/// Reads the variants of a bench in one of its three forms: `experiment` + a list of names, `variants` as a map
/// of name → `file#variant`, or `commands` as a map of name → command line.
enum BenchVariants {
    /// The extensions an experiment file may have.
    static let experimentExtensions = [".py", ".swift", ".js", ".mjs"]

    static func read(_ body: DirectiveBody, essayFolder: URL) throws -> [BenchVariant] {
        let experiment = body.value("experiment")
        let variants = body.value("variants")
        if let commands = body.value("commands") {
            if let other = experiment ?? variants {
                throw other.error(
                    "`commands` cannot be combined with `\(other.name)`",
                    fix: "time whole processes with `commands`, or run an experiment's variants; not both")
            }
            return try commands.entries().map { name, command in
                BenchVariant(
                    name: try DirectiveValidation.name(name, at: command, "variant"),
                    source: .command(try command.text()))
            }
        }
        guard let variants else {
            guard let experiment else {
                throw EvidentError(
                    .input, at: body.location, "the bench directive says nothing to run",
                    fix: "add `experiment:` and `variants:` (a list), `variants:` as a map of name → `file#variant`, "
                        + "or `commands:`")
            }
            throw EvidentError(
                .input, at: body.location, "the bench directive has no `variants`",
                fix: "add `variants: [a, b]`, the names of the variants `\(try experiment.text())` defines")
        }
        switch variants.node {
        case .mapping:
            if let experiment {
                throw experiment.error(
                    "`experiment` is given with `variants` as a map",
                    fix: "a map names each variant's file (`file#variant`): remove `experiment`, "
                        + "or make `variants` a list")
            }
            return try variants.entries().map { name, source in
                try mapped(name: name, source: source, essayFolder: essayFolder)
            }
        case .sequence:
            guard let experiment else {
                throw variants.error(
                    "`variants` is a list but there is no `experiment`",
                    fix: "add `experiment:` with the file that defines them, or make `variants` a map of name → "
                        + "`file#variant`")
            }
            let path = try DirectivePath.resolve(experiment, in: essayFolder, extensions: experimentExtensions)
            var seen: Set<String> = []
            return try variants.list().map { item in
                let name = try DirectiveValidation.name(try item.text(), at: item, "variant")
                guard seen.insert(name).inserted else {
                    throw item.error("variant `\(name)` is listed twice", fix: "give each variant its own name")
                }
                return BenchVariant(name: name, source: .experiment(path: path, variant: name))
            }
        default:
            throw variants.wrongType(
                expected: "a list or a map",
                fix: "write `variants: [a, b]` with `experiment:`, or a map of name → `file#variant`")
        }
    }

    /// A variant of the map form, `name: experiments/file.py#variant`.
    private static func mapped(name: String, source: DirectiveValue, essayFolder: URL) throws -> BenchVariant {
        let name = try DirectiveValidation.name(name, at: source, "variant")
        let text = try source.text()
        guard let hash = text.lastIndex(of: "#") else {
            throw source.error(
                "variant `\(name)` must be `file#variant`, not `\(text)`", fix: "write `\(text)#\(name)`")
        }
        let file = String(text[..<hash])
        let variant = String(text[text.index(after: hash)...])
        guard !file.isEmpty, DirectiveValidation.isName(variant) else {
            throw source.error(
                "variant `\(name)` must be `file#variant`, not `\(text)`",
                fix: "write a path, `#` and the variant's name in that file, like `experiments/x.py#\(name)`")
        }
        let path = try DirectivePath.resolve(file, of: source, in: essayFolder, extensions: experimentExtensions)
        return BenchVariant(name: name, source: .experiment(path: path, variant: variant))
    }
}
