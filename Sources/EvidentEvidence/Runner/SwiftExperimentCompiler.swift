import EvidentCore
import EvidentSystem
import Foundation
import Glibc

/// Builds `.swift` experiments with `swiftc -O` once: the experiment becomes `main.swift` beside the Swift
/// helper `EvidentBench.swift` (the experiments folder's own copy, else the bundled one), and the executable
/// lands in `<cache>/<hash>/experiment`, keyed by a hash of the experiment, the helper, the compile command and `swiftc --version`.
/// A build happens in a temporary folder `<hash>.tmp-XXXXXX` that is renamed into place, so an interrupted build
/// leaves no entry; Ctrl-C removes the folder, and the next site build removes one left by a killed build.
package final class SwiftExperimentCompiler: @unchecked Sendable {
    /// The name of the Swift helper, looked up beside the experiment before the bundled copy.
    static let helperName = "EvidentBench.swift"
    /// The folder of the cache inside the site's `.evident-cache`.
    static let cacheFolderName = "swift"
    /// What names a build folder, between the hash and the random suffix.
    private static let temporaryMarker = ".tmp-"

    /// The hash that keys the cache when none is given: 64-bit FNV-1a in hex, stable across runs and machines.
    /// This is the one place to plug the SHA-256 in, as `{ ContentHash.hexDigest(of: $0) }`.
    static let defaultHash: @Sendable (Data) -> String = { data in
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(hash, radix: 16)
    }

    private let cacheDirectory: String
    private let bundledHelper: String
    private let swiftc: String
    private let environment: [String: String]
    private let hash: @Sendable (Data) -> String
    private let lock = NSLock()
    private var version: String?

    /// - Parameters:
    ///   - cacheDirectory: `<site>/.evident-cache/swift`, created when needed.
    ///   - bundledHelper: the path of the `EvidentBench.swift` that evident ships.
    ///   - swiftc: the compiler, a path or a name looked up in the `PATH` of `environment`.
    init(
        cacheDirectory: String, bundledHelper: String, swiftc: String = "swiftc",
        environment: [String: String] = Subprocess.cleanEnvironment(),
        hash: @escaping @Sendable (Data) -> String = SwiftExperimentCompiler.defaultHash
    ) {
        self.cacheDirectory = cacheDirectory
        self.bundledHelper = bundledHelper
        self.swiftc = swiftc
        self.environment = environment
        self.hash = hash
    }

    /// The path of the executable built from the experiment at `source`, building it unless the cache has it.
    /// `name` and `location` are for the errors (a compile error quotes the compiler's first error lines).
    func executable(for source: String, named name: String, at location: SourceLocation) throws -> String {
        let helper = helperPath(for: source)
        let sourceText = try read(source, name: name, at: location)
        let helperText = try read(helper, name: name, at: location)
        let command = [swiftc, "-O", "-module-name", "Experiment", "main.swift", Self.helperName, "-o", "experiment"]
        let recipe = Data((command.joined(separator: " ") + "\n" + (try compilerVersion(at: location))).utf8)
        let key = hash(sourceText + Data([0]) + helperText + Data([0]) + recipe)
        let entry = (cacheDirectory as NSString).appendingPathComponent(key)
        let executable = (entry as NSString).appendingPathComponent("experiment")
        if access(executable, X_OK) == 0 { return executable }

        let build = try temporaryFolder(for: key, at: location)
        let cleanup = SignalCleanup.register(build)
        defer {
            try? FileManager.default.removeItem(atPath: build)
            cleanup.forget()
        }
        guard FileManager.default.createFile(atPath: build + "/main.swift", contents: sourceText),
            FileManager.default.createFile(atPath: build + "/" + Self.helperName, contents: helperText)
        else {
            throw EvidentError(
                SwiftBuildFailure.cannotWriteSources(program: name, folder: build, cache: cacheDirectory), at: location)
        }
        let compile = Subprocess(
            command, environment: environment, workingDirectory: build, timeout: .seconds(600), stderrTailLimit: 1 << 20
        )
        let result: ProcessResult
        do {
            result = try compile.run()
        } catch {
            throw EvidentError(SwiftBuildFailure.noCompiler(program: name, reason: "\(error)"), at: location)
        }
        guard result.succeeded else { throw compileError(result, source: source, name: name, at: location) }
        if !AtomicFile.publishFolder(build, at: entry) || access(executable, X_OK) != 0 {
            throw EvidentError(
                SwiftBuildFailure.cannotStoreBuild(
                    program: name, entry: entry, reason: String(cString: strerror(errno)), cache: cacheDirectory),
                at: location)
        }
        return executable
    }

    /// Removes the build folders a killed build left in the cache of `siteCache` (`.evident-cache`). Only for a
    /// build that holds the site's lock: no other build of the site is compiling then.
    package static func removeAbandonedBuilds(siteCache: URL) {
        let cache = siteCache.appendingPathComponent(cacheFolderName).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
        for name in names where name.contains(temporaryMarker) {
            FileBytes.removeTree(cache + "/" + name)
        }
    }

    private func helperPath(for source: String) -> String {
        let local = ((source as NSString).deletingLastPathComponent as NSString).appendingPathComponent(Self.helperName)
        return FileManager.default.fileExists(atPath: local) ? local : bundledHelper
    }

    /// `swiftc --version`, asked once: a new compiler must rebuild every experiment.
    private func compilerVersion(at location: SourceLocation) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let version { return version }
        let result = try Subprocess([swiftc, "--version"], environment: environment, timeout: .seconds(60))
            .run(named: "swiftc --version", at: location)
        let text = String(decoding: result.stdout, as: UTF8.self)
        version = text
        return text
    }

    private func read(_ path: String, name: String, at location: SourceLocation) throws -> Data {
        guard let data = try UserFile.read(path, at: location, naming: path).map({ Data($0) }) else {
            throw EvidentError(SwiftBuildFailure.cannotReadSource(path: path, program: name), at: location)
        }
        return data
    }

    /// A new folder `<cache>/<key>.tmp-XXXXXX`, on the same file system as its final place.
    private func temporaryFolder(for key: String, at location: SourceLocation) throws -> String {
        let path = (cacheDirectory as NSString).appendingPathComponent(key) + Self.temporaryMarker + "XXXXXX"
        var template = Array(path.utf8CString)
        let created =
            (try? FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)) != nil
        guard created, mkdtemp(&template) != nil else {
            throw EvidentError(SwiftBuildFailure.cannotMakeBuildFolder(cache: cacheDirectory), at: location)
        }
        return String(cString: template)
    }

    /// The error for a failed compile: the compiler's first error lines, with `main.swift` named as the experiment.
    private func compileError(_ result: ProcessResult, source: String, name: String, at location: SourceLocation)
        -> EvidentError
    {
        let lines = result.stderrText.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.firstIndex { $0.contains("error:") } ?? lines.startIndex
        let shown = lines[first...].prefix(12).joined(separator: "\n")
            .replacingOccurrences(of: "main.swift", with: (source as NSString).lastPathComponent)
        return EvidentError(
            SwiftBuildFailure.doesNotCompile(
                program: name, source: source, timedOut: result.timedOut, shown: shown, helper: Self.helperName),
            at: location)
    }
}
