import EvidentCore
import Foundation

/// The files a directive runs, as paths inside its essay folder: a bench's experiments, the local modules they
/// import or require (transitively, `PythonModules` and `NodeModules`) and a helper copy beside them (which runs
/// instead of the bundled one), a probe's snippets. The one answer to
/// "which files does this directive run", used alike by the evidence key, the machine description and the
/// published sources, so that what is keyed is what is published. Each file passes the rule of `ContainedFile`.
package enum ExperimentSources {
    /// The files of `directive`, each once, experiments first.
    ///
    /// - Throws: `EvidentError` at the directive when an imported module breaks the rule of `ContainedFile`.
    package static func files(of directive: Directive, essayFolder: URL) throws -> [String] {
        try resolve(directive, essayFolder: essayFolder).files
    }

    /// The files of `directive` (`files(of:essayFolder:)`), and the local modules of each of its experiments
    /// (`localModules`) by experiment path, resolved once for both.
    static func resolve(_ directive: Directive, essayFolder: URL) throws -> (
        files: [String], localModules: [String: [String]]
    ) {
        switch directive {
        case .bench(let bench):
            var files = bench.experiments
            var modules: [String: [String]] = [:]
            for experiment in bench.experiments {
                let helper = ((experiment as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                    BundledHelpers.name(forExperiment: experiment))
                let ownHelper = ContainedFile.problem(helper, in: essayFolder) == nil ? [helper] : []
                let local = try localModules(of: experiment, essayFolder: essayFolder, at: bench.location)
                modules[experiment] = local
                for module in local + ownHelper where !files.contains(module) {
                    files.append(module)
                }
            }
            return (files, modules)
        case .probe(let probe): return (probe.snippets.map(\.path), [:])
        }
    }

    /// The local files `experiment` runs besides itself and its helper, in the order found.
    static func localModules(of experiment: String, essayFolder: URL, at location: SourceLocation) throws
        -> [String]
    {
        if experiment.hasSuffix(".py") {
            return try PythonModules(essayFolder: essayFolder, location: location).resolve(experiment).local
        }
        if experiment.hasSuffix(".js") || experiment.hasSuffix(".mjs") {
            return try NodeModules(essayFolder: essayFolder, location: location).resolve(experiment)
        }
        return []
    }

    /// The names of the modules the Python experiments import from elsewhere (the standard library, the venv),
    /// whose versions the evidence records; none for a file that cannot be resolved.
    static func externalPythonModules(of experiments: [String], essayFolder: URL) -> [String] {
        var modules: [String] = []
        for experiment in experiments where experiment.hasSuffix(".py") {
            let resolver = PythonModules(essayFolder: essayFolder, location: SourceLocation(file: experiment))
            for name in (try? resolver.resolve(experiment).modules) ?? [] where !modules.contains(name) {
                modules.append(name)
            }
        }
        return modules
    }
}
