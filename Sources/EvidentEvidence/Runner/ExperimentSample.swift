/// One measurement reported by an experiment (a stdout line `{"metric":"wall_ns","value":2143210}`) or taken
/// of its process (`process_wall_ns`, `process_cpu_ns`, `process_max_rss_bytes`).
struct ExperimentSample: Sendable, Equatable {
    /// A JSON value from one of a line's other keys.
    enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Value])
        case object([String: Value])
    }

    var metric: String
    var value: Double
    /// The line's keys other than `metric` and `value` (such as `number`, the calls timed per sample).
    var extra: [String: Value] = [:]

    /// The variant a process running several variants took the sample of (its `variant` key).
    var variant: String? {
        if case .string(let name)? = extra["variant"] { return name }
        return nil
    }

    /// The pair a sample belongs to in such a process (its `pair` key): one sample of each variant, taken in a row.
    var pair: Int? {
        if case .number(let number)? = extra["pair"], number >= 0, number == number.rounded(), number < 1e9 {
            return Int(number)
        }
        return nil
    }
}
