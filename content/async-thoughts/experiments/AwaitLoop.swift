// The await loop and the task group in Swift, for comparison with the Python and Node experiments
// (await_loop.py, await_loop.js); built by the runner with EvidentBench.swift.
//
// transport=sleep only: latency_ms of waiting per operation, n operations (timers, not sockets):
//   blocking    usleep in a loop, on one thread
//   await_loop  `try await Task.sleep` in a loop: suspends, but still one after another
//   task_group  all n sleeps as child tasks of one withTaskGroup

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

await bench.main()
