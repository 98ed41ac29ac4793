import EvidentCore
import EvidentSystem
import Foundation

/// What the site provides for running experiments of each kind.
struct ExperimentToolchain: Sendable {
    /// The site's Python interpreter (the venv's `bin/python`).
    var python: String
    /// The folder of the bundled helpers (`BundledHelpers.folder`): on `PYTHONPATH`, where a copy of
    /// `evident_bench.py` beside the experiment wins, since Python puts the script's own folder first on
    /// `sys.path`; and on `NODE_PATH` after the experiment's own folder.
    var helpers: String
    /// Builds and caches `.swift` experiments.
    var swiftCompiler: SwiftExperimentCompiler
    /// Node.js for `.js` and `.mjs` experiments, a path or a name looked up in the `PATH` of `environment`.
    var node = "node"
    /// The clean environment every experiment starts from (`Subprocess.cleanEnvironment`).
    var environment = Subprocess.cleanEnvironment()
}

/// How to run one experiment file under the runner protocol: `<program> --variant NAME [--param KEY=VALUE]...
/// --samples N --warmup W`, in the experiments folder, with a clean environment.
struct ExperimentInvocation: Sendable {
    /// The command before the protocol arguments: `[python, script]`, or the compiled Swift executable.
    var program: [String]
    var environment: [String: String]
    /// The experiment's folder.
    var workingDirectory: String
    /// How errors name the experiment (its path in the essay, such as `experiments/await_loop.py`).
    var name: String
    /// The directive that runs it; every error points there.
    var location: SourceLocation
    /// Whether it runs through the bundled helper (it imports `evident_bench`, or is Swift, which is compiled with
    /// `EvidentBench.swift`), whose `main` takes several variants at once in pairs.
    var takesSeveralVariants = false

    /// Prepares the experiment at `path` (`.py`, `.swift`, `.js` or `.mjs`; a Swift one is compiled now unless
    /// cached).
    init(
        experiment path: String, named name: String, at location: SourceLocation, toolchain: ExperimentToolchain
    )
        throws
    {
        let file = URL(fileURLWithPath: path).standardizedFileURL
        self.name = name
        self.location = location
        workingDirectory = file.deletingLastPathComponent().path
        let source = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        switch file.pathExtension {
        case "py":
            takesSeveralVariants = PythonImports.modules(in: source).contains("evident_bench")
            program = [toolchain.python, file.path]
            let interpreterFolder = (toolchain.python as NSString).deletingLastPathComponent
            environment = toolchain.environment.merging(
                [
                    "PATH": ([interpreterFolder] + [toolchain.environment["PATH"]].compactMap { $0 })
                        .joined(separator: ":"),
                    "PYTHONPATH": toolchain.helpers,
                    "PYTHONDONTWRITEBYTECODE": "1",
                    "PYTHONHASHSEED": "0",
                ], uniquingKeysWith: { _, added in added })
        case "swift":
            takesSeveralVariants = source.contains("Bench(")
            program = [try toolchain.swiftCompiler.executable(for: file.path, named: name, at: location)]
            environment = toolchain.environment
        case "js", "mjs":
            takesSeveralVariants = source.contains("evident_bench")
            program = [toolchain.node, file.path]
            // The experiment's folder first: its own `evident_bench.js` wins over the bundled one.
            environment = toolchain.environment.merging(
                ["NODE_PATH": "\(workingDirectory):\(toolchain.helpers)"], uniquingKeysWith: { _, added in added })
        default:
            throw EvidentError(ExperimentFailure.unknownLanguage(program: "experiment \(name)"), at: location)
        }
    }

    /// The protocol arguments after `program`; `params` in key order, so the same cell gives the same line. Several
    /// `variants` share the process, alternating sample by sample in pairs whose order `seed` shuffles.
    static func arguments(variants: [String], params: [String: String], samples: Int, warmup: Int, seed: Int = 0)
        -> [String]
    {
        variants.flatMap { ["--variant", $0] }
            + params.sorted { $0.key < $1.key }.flatMap { ["--param", "\($0.key)=\($0.value)"] }
            + ["--samples", String(samples), "--warmup", String(warmup)]
            + (variants.count > 1 ? ["--seed", String(seed)] : [])
    }

    /// The process that runs one batch of `variants` (one, or several in pairs) in the cell `params`.
    func subprocess(
        variants: [String], params: [String: String], samples: Int, warmup: Int, seed: Int = 0, timeout: Duration?
    ) -> Subprocess {
        let arguments = Self.arguments(variants: variants, params: params, samples: samples, warmup: warmup, seed: seed)
        return Subprocess(
            program + arguments, environment: environment, workingDirectory: workingDirectory, timeout: timeout)
    }

    /// Runs one batch and returns its samples (what it printed) and its process (for the `process_*` metrics).
    /// Any failure is an `EvidentError` at `location` naming the experiment and the variant.
    func run(
        variants: [String], params: [String: String], samples: Int, warmup: Int, seed: Int = 0, timeout: Duration?
    ) throws -> (samples: [ExperimentSample], process: ProcessResult) {
        let cell =
            params.isEmpty
            ? ""
            : " at "
                + params.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: ", ")
        let label =
            "experiment \(name) (\(variants.count > 1 ? "variants" : "variant") "
            + "\(variants.joined(separator: ", "))\(cell))"
        let process = try subprocess(
            variants: variants, params: params, samples: samples, warmup: warmup, seed: seed, timeout: timeout
        )
        .run(named: label, at: location)
        let printed = try ExperimentOutput.samples(
            from: process.stdout, stderrTail: process.stderrText, named: label, at: location)
        return (printed, process)
    }
}
