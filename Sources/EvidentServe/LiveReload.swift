import Foundation

/// The outcome of the preview's latest build, and the open pages waiting to hear about the next one.
///
/// Every build, good or failed, bumps the generation and sends it to each subscriber; a page reloads when the
/// generation it hears differs from the one it was served with. A heartbeat sends the current generation again
/// every few seconds: writing it is how a page that went away is noticed and its connection freed.
final class LiveReload: @unchecked Sendable {
    /// The latest build as served pages see it.
    struct Status: Sendable {
        var generation: Int
        /// The failed build's `file:line` message; nil after a good build.
        var error: String?
        /// When the generation last changed; pages the server adds to are no older than this.
        var changedAt: Date
    }

    private let lock = NSLock()
    private var current = Status(generation: 0, error: nil, changedAt: Date())
    private var subscribers: [UUID: AsyncStream<Int>.Continuation] = [:]
    private var closed = false

    var status: Status { lock.withLock { current } }

    /// Records a build's outcome and tells every subscriber.
    func publish(error: String?) {
        let (generation, listeners) = lock.withLock {
            current = Status(generation: current.generation + 1, error: error, changedAt: Date())
            return (current.generation, Array(subscribers.values))
        }
        for listener in listeners { listener.yield(generation) }
    }

    /// Sends every subscriber the current generation again, each `interval`, until the task is cancelled.
    func sendHeartbeats(every interval: Duration) async {
        while (try? await Task.sleep(for: interval)) != nil {
            let (generation, listeners) = lock.withLock { (current.generation, Array(subscribers.values)) }
            for listener in listeners { listener.yield(generation) }
        }
    }

    /// The current generation at once, then each new one (and the current one again on each heartbeat), until
    /// `close()`.
    func subscribe() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.subscribers.removeValue(forKey: id) }
        }
        let isOpen = lock.withLock {
            guard !closed else { return false }
            subscribers[id] = continuation
            continuation.yield(current.generation)
            return true
        }
        if !isOpen { continuation.finish() }
        return stream
    }

    /// Ends every stream, so that open pages' connections finish and the server can stop.
    func close() {
        let listeners = lock.withLock {
            closed = true
            defer { subscribers = [:] }
            return Array(subscribers.values)
        }
        for listener in listeners { listener.finish() }
    }
}
