import Foundation

/// Which Python runs experiments, probes and highlighting: `python` in site.yml (relative to the site folder),
/// else `$EVIDENT_PYTHON`, else the site's `.venv`, else `python3` from PATH.
package enum PythonInterpreter {
    package static func resolve(config: SiteConfig, siteFolder: URL) -> String {
        if let configured = config.python {
            return configured.hasPrefix("/") ? configured : siteFolder.appendingPathComponent(configured).path
        }
        if let fromEnvironment = ProcessInfo.processInfo.environment["EVIDENT_PYTHON"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let venv = siteFolder.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }
}
