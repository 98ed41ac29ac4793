import EvidentCore
import Foundation
import Glibc

/// Watches the site's sources and reports each settled change: with inotify, which costs nothing while nothing
/// changes, or by polling when inotify cannot be used (it says so once, with the limit to raise).
///
/// A burst of saves (an editor writing a few files, a `git checkout`) becomes one change: after the first event
/// the watcher waits until a quiet period passes without another before it reports.
final class Watcher: @unchecked Sendable {
    static let pollInterval: Duration = .milliseconds(100)
    static let settle: Duration = .milliseconds(60)

    private let folders: [URL]
    private let log: Log
    private let changes = ChangeCounter()
    private let lock = NSLock()
    private var inotify: InotifyWatch?
    private var polling: PollingWatch?

    /// Starts watching `folders` at once, so that what changes during the first build is seen too.
    init(folders: [URL], log: Log) {
        self.folders = folders.map(\.standardizedFileURL)
        self.log = log
        do throws(InotifyWatch.Unavailable) {
            inotify = try InotifyWatch(roots: self.folders.map(\.path), changes: changes)
        } catch {
            fallBack(error)
        }
    }

    /// Whether the sources are watched by polling.
    var isPolling: Bool { lock.withLock { polling != nil } }

    /// Calls `onChange` once per settled change (never two at once) until the task is cancelled. Changes since
    /// the watcher started count, so the first call may come at once.
    func watch(onChange: @Sendable () async -> Void) async {
        var reported = 0
        for await _ in changes.wakeups {
            if let failure = lock.withLock({ inotify?.failure }) { fallBack(failure) }
            // A wake-up left over from changes that the last build already saw.
            guard changes.current != reported else { continue }
            guard await settled() else { return }
            reported = changes.current
            await onChange()
        }
    }

    /// Stops watching; every watch and the polling task end.
    func stop() {
        lock.withLock {
            inotify?.stop()
            polling?.stop()
        }
    }

    /// Waits until a quiet period passes without a change; false when the task is cancelled meanwhile.
    private func settled() async -> Bool {
        // A poll must fall inside the quiet period, or a burst spread over two polls would look settled.
        let quiet = isPolling ? Self.pollInterval + Self.settle : Self.settle
        var seen = changes.current
        while true {
            guard (try? await Task.sleep(for: quiet)) != nil else { return false }
            let now = changes.current
            if now == seen { return true }
            seen = now
        }
    }

    private func fallBack(_ failure: InotifyWatch.Unavailable) {
        lock.withLock {
            inotify?.stop()
            inotify = nil
            polling = PollingWatch(folders: folders, interval: Self.pollInterval, changes: changes)
        }
        log.warning(
            "cannot watch content/ and templates/ with inotify (\(failure.call): \(String(cString: strerror(failure.errno)))): "
                + "checking them every 0.1 s instead, which costs CPU on large sites — \(Self.fix(for: failure.errno))")
    }

    private static func fix(for error: Int32) -> String {
        switch error {
        case ENOSPC: return "raise the watch limit: sysctl fs.inotify.max_user_watches=524288"
        case EMFILE: return "raise the limit of inotify instances (sysctl fs.inotify.max_user_instances) or ulimit -n"
        default: return "restart evident serve once the system allows inotify again"
        }
    }
}
