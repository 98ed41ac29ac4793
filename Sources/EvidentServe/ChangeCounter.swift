import Foundation

/// How many changes the watch has seen, and a wake-up for the one waiting for the next.
///
/// The watch bumps it from its own thread; the rebuild loop sleeps on `wakeups` and compares counts to tell a
/// burst that is still going on from one that has settled.
final class ChangeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    let wakeups: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (wakeups, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    var current: Int { lock.withLock { count } }

    func bump() {
        lock.withLock { count += 1 }
        continuation.yield()
    }
}
