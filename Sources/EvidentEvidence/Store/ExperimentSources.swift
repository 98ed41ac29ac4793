import Foundation

/// The files a directive runs, as paths inside its essay folder: a bench's experiments and the local Python
/// modules they import (transitively), a probe's snippets. They are published with the site beside the page, so a
/// reader can read what ran; `imports` also gives the other modules, whose versions the evidence records.
package enum ExperimentSources {
    /// The files of `directive`, each once, experiments first.
    package static func files(of directive: Directive, essayFolder: URL) -> [String] {
        switch directive {
        case .bench(let bench):
            return bench.experiments + imports(of: bench.experiments, essayFolder: essayFolder).local
        case .probe(let probe): return probe.snippets.map(\.path)
        }
    }

    /// What the Python files among `experiments` import: the modules that are files beside them (`local`, as
    /// paths like the experiments', followed transitively), and every other module name (`modules`).
    static func imports(of experiments: [String], essayFolder: URL) -> (local: [String], modules: [String]) {
        var pending = experiments.filter { $0.hasSuffix(".py") }
        var local: [String] = []
        var modules: [String] = []
        while !pending.isEmpty {
            let path = pending.removeFirst()
            let file = essayFolder.appendingPathComponent(path)
            guard let source = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for name in PythonImports.modules(in: source) {
                let module = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                    name + ".py")
                if FileManager.default.fileExists(atPath: essayFolder.appendingPathComponent(module).path) {
                    guard name + ".py" != BundledHelpers.python, !local.contains(module),
                        !experiments.contains(module)
                    else { continue }
                    local.append(module)
                    pending.append(module)
                } else if !modules.contains(name) {
                    modules.append(name)
                }
            }
        }
        return (local, modules)
    }
}
