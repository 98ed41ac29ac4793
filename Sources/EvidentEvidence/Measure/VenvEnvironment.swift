import Foundation

/// The environment of a command line from a directive (`commands:` variants, probe tools): the toolchain's clean
/// environment with the venv's `bin` folder first on `PATH`, so `python` and the tools installed in the venv are
/// the site's.
enum VenvEnvironment {
    static func make(_ toolchain: ExperimentToolchain) -> [String: String] {
        let bin = (toolchain.python as NSString).deletingLastPathComponent
        let path = [bin] + [toolchain.environment["PATH"]].compactMap { $0 }
        return toolchain.environment.merging(["PATH": path.joined(separator: ":")]) { _, added in added }
    }
}
