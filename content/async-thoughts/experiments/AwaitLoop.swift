// The await loop and the task group in Swift, and a CPU-bound request handler, for comparison with the
// Python experiments (await_loop.py, cpu_handler.py); built by the runner with EvidentBench.swift.
//
// I/O (transport=sleep only: latency_ms of waiting per operation, n operations):
//   blocking    usleep in a loop, on one thread
//   await_loop  `try await Task.sleep` in a loop: suspends, but still one after another
//   task_group  all n sleeps as child tasks of one withTaskGroup
// CPU (n requests, each the Adler-32 checksum of the same `kib` KiB payload, as cpu_handler.py does):
//   cpu_loop        one request after another
//   cpu_task_group  the requests as child tasks: the cooperative pool uses every core

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

func checkTransport(_ p: Params) {
    if p.string("transport", default: "sleep") != "sleep" {
        printError("AwaitLoop.swift supports transport=sleep only")
        exit(2)
    }
}

/// The same payload as cpu_handler.py: byte k is (k * 7919) % 251.
func payload(kib: Int) -> [UInt8] {
    (0..<kib * 1024).map { UInt8(($0 * 7919) % 251) }
}

/// A request handler that only computes: Adler-32, one byte at a time like the Python one.
func handle(_ data: [UInt8]) -> UInt32 {
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in data {
        a = (a + UInt32(byte)) % 65521
        b = (b + a) % 65521
    }
    return b << 16 | a
}

/// Adler-32 of payload(kib: 20) per zlib, so a wrong handler fails instead of being fast.
let expected20KiB: UInt32 = 442_503_980

func check(_ result: UInt32, _ p: Params) {
    if p.int("kib") == 20 { precondition(result == expected20KiB, "wrong checksum \(result)") }
}

let bench = Bench()

bench.variant("blocking") { p in
    checkTransport(p)
    let micros = useconds_t(p.double("latency_ms") * 1000)
    for _ in 0..<p.int("n") { usleep(micros) }
}

bench.variant("await_loop") { p async throws in
    checkTransport(p)
    let nanos = UInt64(p.double("latency_ms") * 1_000_000)
    for _ in 0..<p.int("n") { try await Task.sleep(nanoseconds: nanos) }
}

bench.variant("task_group") { p async throws in
    checkTransport(p)
    let nanos = UInt64(p.double("latency_ms") * 1_000_000)
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<p.int("n") { group.addTask { try await Task.sleep(nanoseconds: nanos) } }
        try await group.waitForAll()
    }
}

bench.variant("cpu_loop") { p in
    let data = payload(kib: p.int("kib"))
    for _ in 0..<p.int("n") { check(handle(data), p) }
}

bench.variant("cpu_task_group") { p async in
    let data = payload(kib: p.int("kib"))
    await withTaskGroup(of: UInt32.self) { group in
        for _ in 0..<p.int("n") { group.addTask { handle(data) } }
        for await result in group { check(result, p) }
    }
}

await bench.main()
