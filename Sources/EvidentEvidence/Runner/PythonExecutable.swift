import EvidentCore
import EvidentSystem
import Foundation

/// The Python that experiments run with, resolved once per measuring build to the real executable.
///
/// The configured interpreter may be a launcher: pyenv's `python3` shim is a shell script that picks a version
/// before Python starts, a tenth of a second or more per process, and a bench starts hundreds of processes. The
/// interpreter says which executable it is (`sys.executable`); a venv's python names itself, not the interpreter
/// it was made from, so the venv and its packages stay in use.
struct PythonExecutable: Sendable {
    /// The interpreter as configured: `python:` in site.yml, `$EVIDENT_PYTHON`, the site's `.venv`, or `python3`.
    var configured: String
    /// What experiments run: the configured interpreter's `sys.executable`, or the configured one when it cannot
    /// tell (then running an experiment reports the problem).
    var path: String
    /// Seconds the configured interpreter took to start and answer, through its launcher if it has one.
    var configuredStartup: Double?
    /// Seconds `path` takes to start and exit: the faster of two runs of `-c pass`.
    var startup: Double?

    /// Asks `configured` for its executable and times the start-up of both.
    static func resolve(_ configured: String) -> PythonExecutable {
        let asked = run([configured, "-c", "import sys; print(sys.executable)"])
        var python = PythonExecutable(configured: configured, path: configured, configuredStartup: asked?.seconds)
        if let answer = asked?.output, answer.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: answer) {
            python.path = answer
        }
        python.startup = [run([python.path, "-c", "pass"]), run([python.path, "-c", "pass"])]
            .compactMap { $0?.seconds }.min()
        return python
    }

    /// `python3 starts in 0.130 s through a launcher; experiments run /…/bin/python3.11 itself (0.050 s)`, when
    /// going round a launcher saves time.
    var launcherNote: String? {
        guard path != configured, let through = configuredStartup, let direct = startup,
            through > direct * 1.5, through - direct > 0.01
        else { return nil }
        return "\(configured) starts in \(Self.seconds(through)) through a launcher; experiments run \(path) "
            + "itself (\(Self.seconds(direct)))"
    }

    /// A note when the start-ups of `processes` Python processes took more than a tenth of the budget of a bench
    /// measured until its precision (`samples: auto`), where every start-up is time not spent taking samples. A
    /// fixed sample count takes its samples whatever the start-ups cost.
    func startupNote(processes: Int, of bench: BenchDirective) -> String? {
        let budget = Double(bench.budget.nanoseconds) / 1e9
        guard bench.samples == .auto, processes > 0, let startup, budget > 0 else { return nil }
        let spent = Double(processes) * startup
        guard spent > budget / 10 else { return nil }
        let share = String(format: "%.0f%%", 100 * spent / budget)
        return "\(bench.location): \(bench.id): Python start-ups took about \(Self.seconds(spent)) of the "
            + "\(Self.seconds(budget)) budget (\(share)): \(processes) processes × \(Self.seconds(startup)) "
            + "(\(path)) — a larger `budget:` buys more samples, or set `python:` in site.yml to a faster interpreter"
    }

    private static func run(_ command: [String]) -> (output: String, seconds: Double)? {
        let process = Subprocess(command, environment: Subprocess.cleanEnvironment(), timeout: .seconds(30))
        guard let result = try? process.run(), result.succeeded else { return nil }
        let output = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (output, Double(result.wallNanoseconds) / 1e9)
    }

    private static func seconds(_ value: Double) -> String {
        String(format: value < 1 ? "%.3f s" : "%.1f s", value)
    }
}
