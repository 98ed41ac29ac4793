import EvidentSystem
import Foundation

/// The versions of the interpreters and compilers that ran experiments, for the environment of stored evidence.
enum ToolVersion {
    /// The version of the Python at `interpreter`: from the `pyvenv.cfg` of its venv when there is one (beside
    /// it or one folder up), else by asking it. Nil when neither works.
    static func python(_ interpreter: String) -> String? {
        let folder = (interpreter as NSString).deletingLastPathComponent
        for candidate in [(folder as NSString).deletingLastPathComponent, folder] where !candidate.isEmpty {
            let file = (candidate as NSString).appendingPathComponent("pyvenv.cfg")
            if let config = try? String(contentsOfFile: file, encoding: .utf8) {
                return pythonVersion(venvConfig: config)
            }
        }
        return firstLine(of: [interpreter, "-c", "import platform; print(platform.python_version())"])
    }

    /// The version of `swiftc` on the PATH, like `6.3.1`; nil when it cannot be run.
    static func swift() -> String? {
        firstLine(of: ["swiftc", "--version"]).flatMap(swiftVersion)
    }

    /// The version of `node` on the PATH, like `20.20.2` (without the `v` it prints); nil when it cannot be run.
    static func node(_ node: String = "node") -> String? {
        firstLine(of: [node, "--version"]).map { $0.hasPrefix("v") ? String($0.dropFirst()) : $0 }
    }

    /// `version` (written by `python -m venv`) or the first three parts of `version_info` (virtualenv, uv).
    static func pythonVersion(venvConfig: String) -> String? {
        var values: [String: String] = [:]
        for line in venvConfig.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        if let version = values["version"], !version.isEmpty { return version }
        guard let info = values["version_info"], !info.isEmpty else { return nil }
        return info.split(separator: ".").prefix(3).joined(separator: ".")
    }

    /// `6.3.1` from `Swift version 6.3.1 (swift-6.3.1-RELEASE)` (or `Apple Swift version ...`).
    static func swiftVersion(_ line: String) -> String? {
        guard let marker = line.range(of: "Swift version ") else { return nil }
        let version = line[marker.upperBound...].prefix { $0.isNumber || $0 == "." }
        return version.isEmpty ? nil : String(version)
    }

    /// The first line a command prints, when it runs and succeeds within a few seconds.
    private static func firstLine(of command: [String]) -> String? {
        let process = Subprocess(command, environment: Subprocess.cleanEnvironment(), timeout: .seconds(30))
        guard let result = try? process.run(), result.succeeded else { return nil }
        let line = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").first
        return line.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
