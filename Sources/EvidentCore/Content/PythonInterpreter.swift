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
        if let pinned = pinned { return pinned }
        guard runsSiteInterpreter(frozen: frozen), let own = siteInterpreter(config: config, siteFolder: siteFolder)
        else { return "python3" }
        return own.path
    }

    /// The interpreter of the site (site.yml's `python`, else its `.venv`), as the site names it, when a frozen
    /// build leaves it unused, for the build to say so.
    package static func skippedConfigured(config: SiteConfig, siteFolder: URL, frozen: Bool) -> String? {
        guard pinned == nil, !runsSiteInterpreter(frozen: frozen) else { return nil }
        return siteInterpreter(config: config, siteFolder: siteFolder)?.named
    }

    /// `$EVIDENT_PYTHON`, when it is set.
    private static var pinned: String? {
        ProcessInfo.processInfo.environment[pinVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a build may run an interpreter the site holds or names: any but a frozen one without the opt-in.
    private static func runsSiteInterpreter(frozen: Bool) -> Bool {
        !frozen || ProcessInfo.processInfo.environment[optInVariable] == "1"
    }

    /// site.yml's `python` (relative to the site folder), else the site's `.venv` when it has one.
    private static func siteInterpreter(config: SiteConfig, siteFolder: URL) -> (named: String, path: String)? {
        if let configured = config.python {
            return (
                configured, configured.hasPrefix("/") ? configured : siteFolder.appendingPathComponent(configured).path
            )
        }
        let venv = siteFolder.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? (".venv/bin/python", venv) : nil
    }
}
