import Foundation

/// Whether the executables the integration tests run (`.build/debug/evident` and `evident-spawn` beside it) were
/// built from the sources as they are now. `swift test --skip-build` (as `make test` runs it, after building) and
/// test runs from an editor do not build the executables, so after an edit they would test yesterday's binary and
/// pass or fail for reasons no longer in the code. Checked once per test process.
///
/// A source file counts as built when the executable, or the newest dependency file (`.d`) the compiler wrote for
/// its module in `.build/debug/<Module>.build/`, is at least as new as the file. The executable alone would not do:
/// the compiler leaves an object file untouched when its code did not change (an edited comment, a checkout that
/// restored a file), and then nothing is linked again. A build that failed after an edit passes this check; its
/// own errors said so.
package enum BuiltExecutables {
    /// An executable older than its sources, or missing.
    package struct Stale: Error, CustomStringConvertible {
        package var description: String
    }

    /// A folder of the repository an executable is built from, the module whose build folder holds the compiler's
    /// output for it (`templates/` and `helpers/` are compiled into generated files of a module), and the kinds of
    /// file in it that a build reads (nil: all).
    private typealias Input = (folder: String, module: String, extensions: Set<String>?)

    private static let code: Set<String>? = ["swift", "c", "h", "modulemap"]

    /// `evident` is built from every module in `Sources/` but the other executable and the build plugin's tool.
    private static let inputs: [(executable: String, from: [Input])] = {
        let sources = FixtureSite.repository.appendingPathComponent("Sources")
        let modules = ((try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []).filter {
            !["evident-spawn", "embed-files"].contains($0) && !$0.hasPrefix(".")
        }
        let evident: [Input] =
            modules.sorted().map { ("Sources/\($0)", $0, code) }
            + [("templates", "EvidentRendering", nil), ("helpers", "EvidentEvidence", nil)]
        let spawn: [Input] = [
            ("Sources/CEvidentSystem", "CEvidentSystem", code), ("Sources/evident-spawn", "evident_spawn", code),
        ]
        return [(".build/debug/evident", evident), (".build/debug/evident-spawn", spawn)]
    }()

    /// Why the executables cannot be trusted, or nil when both were built from the sources as they are.
    package static let problem: String? = inputs.lazy.compactMap { problem(of: $0.executable, builtFrom: $0.from) }
        .first

    private static func problem(of executable: String, builtFrom inputs: [Input]) -> String? {
        let fix = "run `swift build` (or `make test`, which builds first) before the integration tests"
        guard let linked = modified(FixtureSite.repository.appendingPathComponent(executable)) else {
            return "\(executable) does not exist: \(fix)"
        }
        for input in inputs {
            let compiled = max(linked, newestDependencyFile(of: input.module) ?? .distantPast)
            let files = files(under: input.folder, extensions: input.extensions)
            if let newer = files.filter({ $0.modified > compiled }).max(by: { $0.modified < $1.modified }) {
                return "\(executable) is older than \(newer.path), changed since it was built: \(fix)"
            }
        }
        return nil
    }

    /// When the compiler last wrote a dependency file for `module`, that is, compiled one of its files.
    private static func newestDependencyFile(of module: String) -> Date? {
        let folder = FixtureSite.repository.appendingPathComponent(".build/debug/\(module).build")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".d") }.compactMap { modified(folder.appendingPathComponent($0)) }.max()
    }

    /// Every regular file under `folder` (relative to the repository) with one of `extensions` (any, when nil) and
    /// its modification time, leaving out hidden files, which no build reads.
    private static func files(under folder: String, extensions: Set<String>?) -> [(path: String, modified: Date)] {
        let root = FixtureSite.repository.appendingPathComponent(folder)
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey]
        let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: keys, options: .skipsHiddenFiles)
        return (enumerator?.allObjects as? [URL] ?? []).compactMap { url in
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true,
                let modified = values.contentModificationDate,
                extensions?.contains(url.pathExtension) ?? true
            else { return nil }
            return (folder + url.path.dropFirst(root.path.count), modified)
        }
    }

    private static func modified(_ url: URL) -> Date? {
        try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }
}
