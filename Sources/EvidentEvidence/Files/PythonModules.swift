import EvidentCore
import Foundation

/// Which files a Python experiment runs: the modules and packages beside it that it imports, directly or through
/// each other, found the way Python finds them from the script's folder (`sys.path[0]`). `import x` is the file
/// `x.py` beside the experiment, else every `.py` file of the package folder `x/` (which of them an import reaches
/// is Python's business). Every other name is a module from elsewhere (the standard library, the venv).
///
/// Imports are read as text, without running Python (`PythonImports`), so an import that never runs still counts:
/// the set errs on the side of more files, and each of them must pass the rule of `ContainedFile`.
struct PythonModules {
    var essayFolder: URL
    /// Where errors point: the directive that runs the experiment.
    var location: SourceLocation

    /// The local files of `experiment` (not itself nor the helper) in the order found, and the other module names.
    ///
    /// - Throws: `EvidentError` when a local module breaks the rule of `ContainedFile` (a link out of the folder).
    func resolve(_ experiment: String) throws -> (local: [String], modules: [String]) {
        let folder = (experiment as NSString).deletingLastPathComponent
        var local: [String] = []
        var modules: [String] = []
        var pending = [experiment]
        while !pending.isEmpty {
            let importer = pending.removeFirst()
            guard let source = try read(importer) else { continue }
            for name in PythonImports.modules(in: source) where name + ".py" != BundledHelpers.python {
                let files = try files(of: name, in: folder, importer: importer)
                if files.isEmpty, !modules.contains(name) { modules.append(name) }
                for file in files where file != experiment && !local.contains(file) {
                    local.append(file)
                    pending.append(file)
                }
            }
        }
        return (local, modules)
    }

    /// The module `name.py` in `folder`, or the `.py` files of the package `name/`, or none.
    private func files(of name: String, in folder: String, importer: String) throws -> [String] {
        let module = (folder as NSString).appendingPathComponent(name + ".py")
        switch ContainedFile.problem(module, in: essayFolder) {
        case nil: return [module]
        case .missing, .folder: break
        case let problem?: throw ContainedFile.error(problem, path: module, reachedFrom: importer, at: location)
        }
        let package = (folder as NSString).appendingPathComponent(name)
        switch ContainedFile.problem(package, in: essayFolder) {
        case .folder: break
        case .outside: throw ContainedFile.error(.outside, path: package, reachedFrom: importer, at: location)
        default: return []
        }
        let inside = FileManager.default.subpaths(atPath: essayFolder.appendingPathComponent(package).path) ?? []
        return try inside.filter { $0.hasSuffix(".py") && !$0.contains("__pycache__") }.sorted().compactMap {
            let file = (package as NSString).appendingPathComponent($0)
            switch ContainedFile.problem(file, in: essayFolder) {
            case nil: return file
            case .folder: return nil
            case let problem?: throw ContainedFile.error(problem, path: file, reachedFrom: importer, at: location)
            }
        }
    }

    private func read(_ path: String) throws -> String? {
        try UserFile.read(essayFolder.appendingPathComponent(path).path, at: location, naming: path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }
}
