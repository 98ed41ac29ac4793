import EvidentCore
import Foundation

/// The key of a directive's stored evidence: a SHA-256 over everything the author controls that can change the
/// numbers, and nothing else.
///
/// It covers a version tag, the directive's kind and `measuringFields`, and for each experiment file its path and
/// bytes, the local modules it imports or requires (`ExperimentSources`, transitively) and the helper the experiment runs with (its folder's own `evident_bench.py` or
/// `EvidentBench.swift` or `evident_bench.js`, else the bundled one); for a probe, each snippet's path and bytes. Never the id, title,
/// caption, claims or the essay's prose, so rewording a page does not re-run anything.
enum EvidenceKey {
    /// Changes whenever what the key covers changes, so that older keys no longer match.
    static let version = "evident-evidence-key-1"

    /// The key of `directive`, whose paths are relative to `essayFolder`.
    ///
    /// - Throws: `EvidentError` (`.input`, at the directive) when a file it names cannot be read.
    static func compute(for directive: Directive, essayFolder: URL) throws -> String {
        try compute(for: directive, essayFolder: essayFolder) {
            try ExperimentSources.localModules(of: $0, essayFolder: essayFolder, at: directive.location)
        }
    }

    /// The key of `directive` whose experiments' local modules `localModules` answers (resolved beforehand, as
    /// `CheckedDirective.localModules` holds them).
    static func compute(
        for directive: Directive, essayFolder: URL, localModules: (String) throws -> [String]
    ) throws -> String {
        var key = KeyHash()
        key.add("version", version)
        key.add("kind", directive.kind.rawValue)
        key.add("measuring", directive.measuringFields)
        let files = FileReader(essayFolder: essayFolder, location: directive.location)
        switch directive {
        case .bench(let bench):
            for path in bench.experiments {
                key.add("experiment", path, try files.read(path))
                for module in try localModules(path) {
                    key.add("module", module, try files.read(module))
                }
                key.add("helper", try helper(for: path, files: files))
            }
        case .probe(let probe):
            for snippet in probe.snippets {
                key.add("snippet", snippet.path, try files.read(snippet.path))
            }
        }
        return key.hash.hexDigest()
    }

    /// The helper an experiment runs with: the copy in its folder when there is one, else the bundled text.
    private static func helper(for experiment: String, files: FileReader) throws -> Data {
        let name = BundledHelpers.name(forExperiment: experiment)
        let local = ((experiment as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
        switch ContainedFile.problem(local, in: files.essayFolder) {
        case nil: return try files.read(local)
        case .missing: return Data((BundledHelpers.text(name) ?? "").utf8)
        case let problem?: throw ContainedFile.error(problem, path: local, reachedFrom: nil, at: files.location)
        }
    }
}

/// A SHA-256 fed with labelled, length-prefixed parts, so that no two different sequences of parts collide.
private struct KeyHash {
    var hash = ContentHash()

    mutating func add(_ label: String, _ text: String) {
        add(label, Data(text.utf8))
    }

    mutating func add(_ label: String, _ name: String, _ bytes: Data) {
        add(label, Data(name.utf8))
        add(label + " bytes", bytes)
    }

    mutating func add(_ label: String, _ bytes: Data) {
        hash.update("\(label)\u{0}\(bytes.count)\u{0}")
        hash.update(bytes)
    }
}

/// Reads the files of an essay folder for a key, with errors that point at the directive.
private struct FileReader {
    var essayFolder: URL
    var location: SourceLocation

    func read(_ path: String) throws -> Data {
        guard let bytes = try UserFile.read(url(path).path, at: location, naming: path) else {
            throw EvidentError(
                .input, at: location, "cannot read `\(path)` to check whether its evidence is fresh",
                fix: "check that the file exists in the essay folder and is readable")
        }
        return Data(bytes)
    }

    private func url(_ path: String) -> URL { essayFolder.appendingPathComponent(path) }
}
