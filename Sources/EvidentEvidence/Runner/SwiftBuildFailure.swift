import EvidentCore

/// How compiling a Swift experiment into the site's cache (`cache`) fails; `program` names the experiment as
/// messages do. The English is here.
package enum SwiftBuildFailure: FailureReason {
    /// The sources could not be written to the build `folder`.
    case cannotWriteSources(program: String, folder: String, cache: String)
    /// `swiftc` could not start.
    case noCompiler(program: String, reason: String)
    /// The finished build could not be moved to its cache `entry`.
    case cannotStoreBuild(program: String, entry: String, reason: String, cache: String)
    case cannotReadSource(path: String, program: String)
    case cannotMakeBuildFolder(cache: String)
    /// The compiler refused `source` (or ran out of time); `shown` is its first error lines, `helper` the helper
    /// file it is built with.
    case doesNotCompile(program: String, source: String, timedOut: Bool, shown: String, helper: String)

    package var kind: EvidentError.Kind {
        switch self {
        case .cannotWriteSources, .cannotStoreBuild, .cannotMakeBuildFolder: return .io
        case .noCompiler, .cannotReadSource, .doesNotCompile: return .experiment
        }
    }

    package var message: String {
        switch self {
        case .cannotWriteSources(let program, let folder, _):
            return "cannot write the sources of \(program) to \(folder)"
        case .noCompiler(let program, let reason): return "cannot compile \(program): \(reason)"
        case .cannotStoreBuild(let program, let entry, let reason, _):
            return "cannot store the build of \(program) in \(entry): \(reason)"
        case .cannotReadSource(let path, let program): return "cannot read \(path) to compile \(program)"
        case .cannotMakeBuildFolder(let cache): return "cannot create a build folder in \(cache)"
        case .doesNotCompile(let program, let source, let timedOut, let shown, _):
            let reason = timedOut ? "did not finish compiling in time" : "does not compile"
            return "\(program) \(reason) (\(source)):" + ExperimentFailure.indented(shown)
        }
    }

    package var fix: String? {
        switch self {
        case .cannotWriteSources(_, _, let cache): return "check that \(cache) is writable"
        case .noCompiler: return "install the Swift toolchain, so that swiftc is on the PATH"
        case .cannotStoreBuild(_, let entry, _, let cache): return "check that \(cache) is writable, or delete \(entry)"
        case .cannotReadSource: return "check that the file exists and is readable"
        case .cannotMakeBuildFolder: return "check that the site folder is writable"
        case .doesNotCompile(_, _, _, _, let helper):
            return "fix the experiment; it is built as main.swift with \(helper)"
        }
    }
}
