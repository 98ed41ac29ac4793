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
                throw other.error(BenchFailure.commandsCombined(with: other.name))
            }
            return try commands.entries().map { name, command in
                BenchVariant(
                    name: try DirectiveValidation.name(name, at: command, "variant"),
                    source: .command(try command.text()))
            }
        }
        guard let variants else {
            guard let experiment else {
                throw EvidentError(BenchFailure.nothingToRun, at: body.location)
            }
            throw EvidentError(BenchFailure.noVariants(experiment: try experiment.text()), at: body.location)
        }
        switch variants.node {
        case .mapping:
            if let experiment {
                throw experiment.error(BenchFailure.experimentWithVariantMap)
            }
            return try variants.entries().map { name, source in
                try mapped(name: name, source: source, essayFolder: essayFolder)
            }
        case .sequence:
            guard let experiment else {
                throw variants.error(BenchFailure.variantListWithoutExperiment)
            }
            let path = try DirectivePath.resolve(experiment, in: essayFolder, extensions: experimentExtensions)
            var seen: Set<String> = []
            return try variants.list().map { item in
                let name = try DirectiveValidation.name(try item.text(), at: item, "variant")
                guard seen.insert(name).inserted else {
                    throw item.error(BenchFailure.variantTwice(name))
                }
                return BenchVariant(name: name, source: .experiment(path: path, variant: name))
            }
        default:
            throw variants.error(BenchFailure.variantsShape(found: variants.shape))
        }
    }

    /// A variant of the map form, `name: experiments/file.py#variant`.
    private static func mapped(name: String, source: DirectiveValue, essayFolder: URL) throws -> BenchVariant {
        let name = try DirectiveValidation.name(name, at: source, "variant")
        let text = try source.text()
        guard let hash = text.lastIndex(of: "#") else {
            throw source.error(BenchFailure.variantSourceWithoutHash(variant: name, source: text))
        }
        let file = String(text[..<hash])
        let variant = String(text[text.index(after: hash)...])
        guard !file.isEmpty, DirectiveValidation.isName(variant) else {
            throw source.error(BenchFailure.badVariantSource(variant: name, source: text))
        }
        let path = try DirectivePath.resolve(file, of: source, in: essayFolder, extensions: experimentExtensions)
        return BenchVariant(name: name, source: .experiment(path: path, variant: variant))
    }
}
