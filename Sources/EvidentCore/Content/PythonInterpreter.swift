import Foundation

/// Which Python runs experiments, probes and highlighting: `$EVIDENT_PYTHON` (which pins it whatever the site
/// says), else `python` in site.yml (relative to the site folder), else the site's `.venv`, else `python3` from
/// PATH.
///
/// A frozen build (`build --frozen`, `check`) runs no experiment, and runs no program the site names either: it
/// skips site.yml's `python`, so that building a pull request in CI executes nothing the pull request chose,
/// unless `$EVIDENT_SITE_PYTHON` is `1` (the author's opt-in).
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
        if let configured = config.python, !frozen || environment[optInVariable] == "1" {
            return configured.hasPrefix("/") ? configured : siteFolder.appendingPathComponent(configured).path
        }
        let venv = siteFolder.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    /// site.yml's `python` when a frozen build leaves it unused, for the build to say so.
    package static func skippedConfigured(config: SiteConfig, frozen: Bool) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard frozen, (environment[pinVariable] ?? "").isEmpty, environment[optInVariable] != "1" else { return nil }
        return config.python
    }
}
