import EvidentCore
import Foundation

/// The stdout of an experiment read as the runner protocol: one JSON object per line with a non-empty string
/// `metric` and a number `value` in the metric's range (`MetricRange`: finite, and not negative for a time, size
/// or rate); blank lines are skipped, anything else is an error.
enum ExperimentOutput {
    /// The samples in `stdout`, or an `EvidentError` at `location` that quotes the first bad line, its number and
    /// the program's `stderrTail`. `name` says which program printed it (`experiment experiments/x.py`).
    static func samples(
        from stdout: Data, stderrTail: String, named name: String, at location: SourceLocation
    ) throws -> [ExperimentSample] {
        var samples: [ExperimentSample] = []
        for (index, line) in stdout.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            let text = String(decoding: line, as: UTF8.self)
            if text.allSatisfy(\.isWhitespace) { continue }
            switch sample(from: Data(line)) {
            case .success(let sample):
                samples.append(sample)
            case .failure(let problem):
                throw EvidentError(
                    ExperimentFailure.notASample(
                        program: name, line: index + 1, text: text, problem: problem.description, fix: problem.fix,
                        stderr: stderrTail),
                    at: location)
            }
        }
        return samples
    }

    /// What is wrong with a line, and what to do about it.
    private struct Problem: Error, CustomStringConvertible {
        var description: String
        var fix =
            #"print one JSON object per line, like {"metric":"wall_ns","value":2143210}, "#
            + "and anything else to stderr"
    }

    private static func sample(from line: Data) -> Result<ExperimentSample, Problem> {
        guard let parsed = try? JSONSerialization.jsonObject(with: line, options: [.fragmentsAllowed]) else {
            let text = String(decoding: line, as: UTF8.self)
            let nonFinite = ["NaN", "Infinity"].contains { text.contains($0) }
            return .failure(Problem(description: nonFinite ? "value is not a finite number" : "not JSON"))
        }
        guard let object = parsed as? [String: Any] else { return .failure(Problem(description: "not an object")) }
        guard let metric = object["metric"] as? String, !metric.isEmpty else {
            return .failure(Problem(description: #""metric" is missing or not a non-empty string"#))
        }
        guard let number = object["value"] as? NSNumber, !isBool(number), number.doubleValue.isFinite else {
            return .failure(Problem(description: #""value" is missing or not a finite number"#))
        }
        let range = MetricRange(metric: metric)
        if let problem = range.problem(number.doubleValue) {
            return .failure(Problem(description: "`\(metric)` value \(problem)", fix: range.fix))
        }
        var extra: [String: ExperimentSample.Value] = [:]
        for (key, value) in object where key != "metric" && key != "value" {
            extra[key] = jsonValue(value)
        }
        return .success(ExperimentSample(metric: metric, value: number.doubleValue, extra: extra))
    }

    private static func jsonValue(_ value: Any) -> ExperimentSample.Value {
        if isBool(value), let bool = value as? Bool { return .bool(bool) }
        if let number = value as? NSNumber { return .number(number.doubleValue) }
        if let string = value as? String { return .string(string) }
        if let array = value as? [Any] { return .array(array.map(jsonValue)) }
        if let object = value as? [String: Any] { return .object(object.mapValues(jsonValue)) }
        return .null
    }

    /// Whether JSONSerialization read this as `true` or `false` (which also bridge to NSNumber).
    private static func isBool(_ value: Any?) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }
}
