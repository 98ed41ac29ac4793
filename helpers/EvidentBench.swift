// The experiment side of evident's runner protocol for Swift, so that an experiment is only its variants.
//
// The runner copies an experiment to `main.swift` and builds it with this file: `swiftc -O main.swift
// EvidentBench.swift` (Swift 5 or 6 language mode). The experiment is top-level code:
//
//     let bench = Bench()
//     bench.setUp { params in ... }                        // optional, once per process, before the samples
//     bench.tearDown { params in ... }                     // optional, once per process, even after a failure
//     bench.variant("blocking") { p in
//         for _ in 0..<p.int("n") { usleep(1000) }
//     }
//     bench.variant("task_group") { p async in             // async variants: structured concurrency
//         await withTaskGroup(of: Void.self) { group in ... }
//     }
//     bench.variant("call", number: .auto) { p in ... }    // too fast to time one call: report ns per call
//     bench.variant("x") { p in p.report("peak_bytes", 123) }   // extra metric for this sample
//     bench.variant("sum") { p in blackHole((0..<p.int("n")).reduce(0, &+)) }   // keep the result alive
//     await bench.main()
//
// It is invoked as `<program> --variant NAME [--param KEY=VALUE]... --samples N --warmup W` and prints one
// JSON line per sample and metric: {"metric":"wall_ns","value":2143210}. Each call is timed with
// ContinuousClock; warm-ups are not printed. `number: K` times K calls per sample and reports ns per call;
// `.auto` doubles K until a sample takes at least 1 ms. A `number: 1` variant (the default) whose calls are too
// fast to time alone runs as `.auto`, as in evident_bench.py: the first call of 100x the clock-and-loop overhead
// (the median of 200 empty samples) or more counts as the first warm-up; a faster one is timed five more times,
// and under 10x the overhead the variant is calibrated and its lines carry `number` and `overhead_ns`. Parameters
// are strings read with `p.int`, `p.double`, `p.string` (a missing or malformed one stops the program with a
// message). An unknown variant or bad arguments: a message on stderr and exit status 2.
//
// Paired samples: given `--variant` more than once (`--variant a --variant b --samples N --warmup W [--seed S]`),
// one process runs every named variant, alternating sample by sample: each *pair* j runs each variant once, in a
// balanced order (a seeded shuffle for even j, its reverse for odd j, so that no variant always goes first), W
// warm-up pairs first. Every line then carries "variant" and "pair" (j, from 0 after the warm-ups), so that the
// runner compares a and b within each pair: a slow spell of the machine hits both. The set-ups and tear-downs run
// once for all of them (they are not told the variant, so any of them can be shared). Each variant is calibrated
// (`number`) on its own before the first pair. What one variant leaves behind (a warm cache, memory to reuse, a
// grown heap) reaches the next one in the process: the balanced order spreads it over all variants alike, it does
// not remove it. The shuffle is Fisher-Yates drawing from SplitMix64 seeded with S (default 0), as in
// evident_bench.js, so both give the same order for the same seed.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `blackHole` puts what it is given: a global the optimizer must assume someone reads.
nonisolated(unsafe) private var blackHoleSink = 0

/// Keeps `value` alive, so that the optimizer cannot remove the work that computed it (as Criterion's `black_box`
/// and JMH's `Blackhole` do): a variant whose result goes nowhere may be optimized down to nothing, and then its
/// time measures an empty loop. The call is never inlined and not optimized, and it writes to a global.
@inline(never) @_optimize(none)
public func blackHole<T>(_ value: T) {
    withUnsafePointer(to: value) { blackHoleSink &+= Int(bitPattern: $0) }
}

/// The parameters of one run, and the extra metrics a variant reports for the current sample.
public final class Params: @unchecked Sendable {
    public let values: [String: String]
    fileprivate var extra: [(String, Double)] = []

    init(_ values: [String: String]) { self.values = values }

    public subscript(key: String) -> String? { values[key] }

    public func string(_ key: String, default fallback: String? = nil) -> String {
        guard let value = values[key] ?? fallback else { Bench.usage("missing --param \(key)=...") }
        return value
    }

    public func int(_ key: String, default fallback: Int? = nil) -> Int {
        guard let text = values[key] else {
            guard let fallback else { Bench.usage("missing --param \(key)=...") }
            return fallback
        }
        guard let value = Int(text) else { Bench.usage("--param \(key)=\(text) is not an integer") }
        return value
    }

    public func double(_ key: String, default fallback: Double? = nil) -> Double {
        guard let text = values[key] else {
            guard let fallback else { Bench.usage("missing --param \(key)=...") }
            return fallback
        }
        guard let value = Double(text) else { Bench.usage("--param \(key)=\(text) is not a number") }
        return value
    }

    /// Reports an extra metric for the current sample (with `number` > 1, the last call's value counts: a metric
    /// reported again replaces its value, so that K calls print one line, not K).
    public func report(_ metric: String, _ value: Double) {
        if let index = extra.firstIndex(where: { $0.0 == metric }) {
            extra[index].1 = value
        } else {
            extra.append((metric, value))
        }
    }
}

/// Writes to file descriptor 2 (the C global `stderr` cannot be named in Swift 6 language mode).
func printError(_ message: String) {
    let line = "error: \(message)\n"
    _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
}

public enum Calls: ExpressibleByIntegerLiteral, Sendable {
    case fixed(Int)
    case auto
    public init(integerLiteral value: Int) { self = .fixed(max(1, value)) }
}

public final class Bench: @unchecked Sendable {
    public typealias Body = (Params) async throws -> Void
    private var variants: [(name: String, number: Calls, body: Body)] = []
    private var setUps: [Body] = []
    private var tearDowns: [Body] = []

    public init() {}

    // Two overloads so that a closure without `await` reads as plain sync code at the call site.
    public func variant(_ name: String, number: Calls = 1, _ body: @escaping (Params) throws -> Void) {
        variants.append((name, number, { try body($0) }))
    }

    public func variant(_ name: String, number: Calls = 1, _ body: @escaping (Params) async throws -> Void) {
        variants.append((name, number, body))
    }

    public func setUp(_ body: @escaping Body) { setUps.append(body) }
    public func tearDown(_ body: @escaping Body) { tearDowns.append(body) }

    static func usage(_ message: String) -> Never {
        printError(message)
        exit(2)
    }

    public func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async {
        var names: [String] = []
        var values: [String: String] = [:]
        var samples = 10
        var warmup = 1
        var seed = 0
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--list" {
                print(variants.map(\.name).joined(separator: "\n"))
                return
            }
            guard let value = rest.popFirst() else { Bench.usage("\(flag) needs a value") }
            switch flag {
            case "--variant": names.append(value)
            case "--samples": samples = Int(value) ?? 0
            case "--warmup": warmup = Int(value) ?? -1
            case "--seed":
                guard let number = Int(value) else { Bench.usage("--seed \(value) is not an integer") }
                seed = number
            case "--param":
                guard let eq = value.firstIndex(of: "="), eq != value.startIndex else {
                    Bench.usage("--param \(value) is not KEY=VALUE")
                }
                values[String(value[..<eq])] = String(value[value.index(after: eq)...])
            default: Bench.usage("unexpected argument \(flag)")
            }
        }
        guard samples >= 1, warmup >= 0 else { Bench.usage("--samples must be >= 1 and --warmup >= 0") }
        guard !names.isEmpty else { Bench.usage("--variant NAME is required") }
        let chosen = names.map { name in
            guard let index = variants.firstIndex(where: { $0.name == name }) else {
                let known = variants.map(\.name).joined(separator: ", ")
                Bench.usage("unknown variant '\(name)'; this experiment has: \(known)")
            }
            return index
        }
        guard Set(names).count == names.count else { Bench.usage("a variant is named twice") }
        let paired = names.count > 1
        let params = Params(values)
        // Whom a failure is blamed on: every variant during the set-ups, then the one calibrating or sampling.
        var current = (paired ? "variants " : "variant ") + names.joined(separator: ", ")
        var failure: (any Error)?
        do {
            for body in setUps { try await body(params) }
            var samplers: [Sampler] = []
            for index in chosen {
                current = "variant \(variants[index].name)"
                samplers.append(try await Sampler(variants[index].body, variants[index].number, Params(values)))
            }
            var order = Array(names.indices)  // positions in `names`, `chosen` and `samplers`
            var random = SplitMix64(state: UInt64(bitPattern: Int64(seed)))
            // Warm-ups are the pairs before 0, so that the printed pairs 0 and 1, 2 and 3... mirror each other.
            for pair in -warmup..<samples {
                if pair % 2 == 0 { random.shuffle(&order) }
                for position in pair % 2 == 0 ? order : order.reversed() {
                    let name = names[position]
                    current = "variant \(name)"
                    let ns = try await samplers[position].next(variants[chosen[position]].body)
                    guard pair >= 0 else { continue }
                    // The runner names variants with letters, digits, `_` and `-`: JSON takes them as they are.
                    samplers[position].emit(ns, pairing: paired ? ",\"variant\":\"\(name)\",\"pair\":\(pair)" : "")
                }
            }
        } catch {
            failure = error
        }
        for body in tearDowns { try? await body(params) }  // stop servers and children even after a failure
        if let failure {
            printError("\(current) failed: \(failure)")
            exit(1)
        }
    }

    /// One variant, calibrated as a process of its own would calibrate it. Each has its own `Params`, so that the
    /// extra metrics of one variant's calibration are not reported for another. Its body is not kept here but
    /// passed in from `variants` for each sample: given as an argument, it is called as `variants` holds it, where a
    /// copy kept in a property is called through a conversion that added 18 ns to every call of a no-op.
    private final class Sampler {
        private let params: Params
        private var k = 1
        private var overhead: Int64?
        /// The first call's time, taken while calibrating: it counts as the first sample.
        private var first: Int64?

        init(_ body: Body, _ number: Calls, _ params: Params) async throws {
            self.params = params
            func sample(_ k: Int) async throws -> Int64 { try await Bench.sample(body, params, k) }
            switch number {
            case .fixed(1):
                let nothing: Body = { _ in }
                let empty = { (k: Int) in try await Bench.timed(k) { try await nothing(params) } }
                (k, overhead, first) = try await Bench.honestNumber(sample, empty: empty)
            case .fixed(let fixed): k = fixed
            case .auto: k = try await Bench.calibrate(sample)
            }
        }

        /// The nanoseconds the next sample of `body` took.
        func next(_ body: Body) async throws -> Int64 {
            if let ns = first {
                first = nil
                return ns
            }
            return try await Bench.sample(body, params, k)
        }

        /// Prints a sample's lines: its time (per call when k > 1), then the extra metrics the variant reported;
        /// `pairing` ends each line.
        func emit(_ ns: Int64, pairing: String) {
            if k == 1 {
                print("{\"metric\":\"wall_ns\",\"value\":\(ns)\(pairing)}")
            } else {
                let note = overhead.map { ",\"overhead_ns\":\($0)" } ?? ""
                print(
                    "{\"metric\":\"wall_ns\",\"value\":\(Double(ns) / Double(k)),\"number\":\(k)\(note)\(pairing)}")
            }
            for (metric, value) in params.extra {
                print("{\"metric\":\"\(metric)\",\"value\":\(value)\(pairing)}")
            }
            fflush(nil)  // all streams: the global `stdout` is not concurrency-safe to name in Swift 6 mode
        }
    }

    /// (k, the overhead when calibrated, the first call's time to reuse) for a `number: 1` variant; `empty` times
    /// calls of a variant that does nothing, through the same path.
    private static func honestNumber(
        _ sample: (Int) async throws -> Int64, empty: (Int) async throws -> Int64
    ) async throws -> (Int, Int64?, Int64?) {
        var times: [Int64] = []
        for _ in 0..<200 { times.append(try await empty(1)) }
        let overhead = max(1, times.sorted()[times.count / 2])
        let first = try await sample(1)
        if first >= 100 * overhead { return (1, nil, first) }
        var probes: [Int64] = []
        for _ in 0..<5 { probes.append(try await sample(1)) }
        if probes.sorted()[probes.count / 2] >= 10 * overhead { return (1, nil, first) }
        return (try await Bench.calibrate(sample), overhead, nil)
    }

    /// Doubles k until k calls take at least 1 ms.
    private static func calibrate(_ sample: (Int) async throws -> Int64) async throws -> Int {
        var k = 1
        while try await sample(k) < 1_000_000 && k < 1 << 30 { k *= 2 }
        return k
    }

    /// The nanoseconds `k` calls of `body` took; its extra metrics are the last call's.
    private static func sample(_ body: Body, _ params: Params, _ k: Int) async throws -> Int64 {
        params.extra = []
        return try await timed(k) { try await body(params) }
    }

    /// The nanoseconds `k` calls of `call` took.
    private static func timed(_ k: Int, _ call: () async throws -> Void) async rethrows -> Int64 {
        let start = ContinuousClock.now
        for _ in 0..<k { try await call() }
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
    }
}

/// SplitMix64, the generator of the pair order: spelled out rather than the standard library's shuffle, so that a
/// seed gives the same order with every toolchain, and in evident_bench.js.
private struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fisher-Yates: from the last position down, swaps position i with next() % (i + 1).
    mutating func shuffle<Element>(_ items: inout [Element]) {
        for i in items.indices.dropFirst().reversed() { items.swapAt(i, Int(next() % UInt64(i + 1))) }
    }
}
