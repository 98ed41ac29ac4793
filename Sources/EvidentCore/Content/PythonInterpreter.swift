import Foundation

/// Which Python runs experiments, probes and highlighting: `$EVIDENT_PYTHON` (which pins it whatever the site
/// says), else `python` in site.yml (relative to the site folder), else the site's `.venv`, else `python3` from
/// PATH.
///
/// A frozen build (`build --frozen`, `check`) runs no experiment, and runs no program the site holds or names either:
/// it skips site.yml's `python` and the site's own `.venv`, so that building a pull request in CI executes nothing
/// the pull request chose or committed, unless `$EVIDENT_SITE_PYTHON` is `1` (the author's opt-in). It then runs
/// `$EVIDENT_PYTHON` or `python3` from PATH, only to highlight code and to read its version.
package enum PythonInterpreter {
    /// The variable that pins the interpreter.
    package static let pinVariable = "EVIDENT_PYTHON"
    /// The variable that lets a frozen build run site.yml's `python`.
    package static let optInVariable = "EVIDENT_SITE_PYTHON"

    package static func resolve(config: SiteConfig, siteFolder: URL, frozen: Bool = false) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let pinned = environment[pinVariable], !pinned.isEmpty {
            return pinned
        }
        let trusted = !frozen || environment[optInVariable] == "1"
        if let configured = config.python, trusted {
            return configured.hasPrefix("/") ? configured : siteFolder.appendingPathComponent(configured).path
        }
        let venv = siteFolder.appendingPathComponent(".venv/bin/python").path
        return trusted && FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    /// The interpreter of the site (site.yml's `python`, else its `.venv`) when a frozen build leaves it unused, for
    /// the build to say so.
    package static func skippedConfigured(config: SiteConfig, siteFolder: URL, frozen: Bool) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard frozen, (environment[pinVariable] ?? "").isEmpty, environment[optInVariable] != "1" else { return nil }
        let venv = siteFolder.appendingPathComponent(".venv/bin/python").path
        return config.python ?? (FileManager.default.isExecutableFile(atPath: venv) ? ".venv/bin/python" : nil)
    }
}
