import EvidentCore
import EvidentSystem
import Foundation

/// The versions of what experiments use from the venv, for the environment of stored evidence: the distributions
/// that provide the modules a Python experiment imports (and the local modules it imports, transitively), the
/// SQLite library when `sqlite3` or `aiosqlite` is among them, and the distributions whose console scripts a
/// probe's tools start (`ipython` → IPython). One run of the site's Python answers them all; standard-library
/// modules have no distribution and are left out.
enum PackageVersions {
    /// Distribution name → version; nil when nothing is asked or the interpreter cannot answer.
    static func find(modules: [String], scripts: [String], python: String) -> [String: String]? {
        guard !modules.isEmpty || !scripts.isEmpty else { return nil }
        let arguments = [python, "-c", query, names(modules), names(scripts)]
        let process = Subprocess(arguments, environment: Subprocess.cleanEnvironment(), timeout: .seconds(30))
        guard let result = try? process.run(), result.succeeded,
            let versions = try? JSONDecoder().decode([String: String].self, from: result.stdout)
        else { return nil }
        return versions.isEmpty ? nil : versions
    }

    /// The first word of each tool command (`ipython` of `ipython --quick {file}`).
    static func scripts(ofTools commands: [String]) -> [String] {
        commands.compactMap { $0.split(separator: " ").first.map { String($0.split(separator: "/").last ?? $0) } }
    }

    private static func names(_ list: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(list)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// Python run with `-c`; argv[1] is the JSON list of modules, argv[2] that of scripts.
    private static let query = """
        import json, sys
        import importlib.metadata as md
        modules, scripts = json.loads(sys.argv[1]), json.loads(sys.argv[2])
        found = {}
        providers = md.packages_distributions()
        for module in modules:
            for name in providers.get(module, []):
                dist = md.distribution(name)
                found[dist.metadata["Name"]] = dist.version
            if module in ("sqlite3", "aiosqlite"):
                import sqlite3
                found["SQLite"] = sqlite3.sqlite_version
        for entry in md.entry_points(group="console_scripts"):
            if entry.name in scripts and entry.dist is not None:
                found[entry.dist.metadata["Name"]] = entry.dist.version
        print(json.dumps(found))
        """
}
