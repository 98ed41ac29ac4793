// Async costs even when nothing waits, in Swift: a chain of `depth` nested calls that never suspend, as plain
// functions and as awaited `async` functions. Each sample makes `calls` calls of the whole chain in a loop of the
// variant's own (as call_overhead.py and call_overhead.js do). Each chain carries the loop's counter down and
// back, and the results are summed and checked, so the optimizer can neither skip a chain nor hoist it out of
// the loop. Each level passes the value through `opaque`, which the optimizer cannot see through: without it the
// plain chain folds into nothing (a chain that returns its argument is the argument), and the table compared the
// awaited chain with an empty loop.
// The loops are nonisolated functions: the variant's closure runs on the main actor, and each await from there
// would add a hop to another executor and back.

/// The identity, as a call the optimizer must make: the work each level of both chains does.
@inline(never) @_optimize(none)
func opaque(_ value: Int) -> Int { value }

@inline(never)
func plainChain(_ depth: Int, _ value: Int) -> Int {
    depth > 1 ? plainChain(depth - 1, opaque(value)) : value
}

@inline(never)
func asyncChain(_ depth: Int, _ value: Int) async -> Int {
    depth > 1 ? await asyncChain(depth - 1, opaque(value)) : value
}

@inline(never)
func plainCalls(depth: Int, calls: Int) -> Int {
    var total = 0
    for i in 0..<calls { total &+= plainChain(depth, i) }
    return total
}

@inline(never)
nonisolated func awaitedCalls(depth: Int, calls: Int) async -> Int {
    var total = 0
    for i in 0..<calls { total &+= await asyncChain(depth, i) }
    return total
}

let bench = Bench()

bench.variant("plain") { p in
    let calls = p.int("calls")
    precondition(plainCalls(depth: p.int("depth"), calls: calls) == calls * (calls - 1) / 2)
}

bench.variant("awaited") { p async in
    let calls = p.int("calls")
    let total = await awaitedCalls(depth: p.int("depth"), calls: calls)
    precondition(total == calls * (calls - 1) / 2)
}

await bench.main()
