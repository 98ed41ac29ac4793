import Foundation

/// Watches the site's sources by polling their modification times, which works the same on every file system.
///
/// A burst of saves (an editor writing a few files, a `git checkout`) becomes one change: after the first
/// difference the watcher waits until two polls a `settle` apart agree before it reports.
struct Watcher: Sendable {
    /// What identifies one version of a file.
    struct Stamp: Equatable {
        var modified: Date
        var size: Int
    }

    /// The folders watched, recursively; a missing one is watched for appearing.
    let folders: [URL]
    var interval: Duration = .milliseconds(100)
    var settle: Duration = .milliseconds(60)

    /// Every watched file and folder with its stamp; hidden files and `__pycache__` folders are skipped.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        for folder in folders {
            guard
                let files = FileManager.default.enumerator(
                    at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
            else { continue }
            for case let file as URL in files {
                if file.lastPathComponent == "__pycache__" {
                    files.skipDescendants()
                    continue
                }
                let values = try? file.resourceValues(forKeys: Set(keys))
                stamps[file.path] = Stamp(
                    modified: values?.contentModificationDate ?? .distantPast, size: values?.fileSize ?? 0)
            }
        }
        return stamps
    }

    /// Polls until the task is cancelled, calling `onChange` once per settled change (never two at once);
    /// `since` is the snapshot the first poll is compared with.
    func watch(since: [String: Stamp], onChange: @Sendable () async -> Void) async throws {
        var last = since
        while true {
            try await Task.sleep(for: interval)
            var current = snapshot()
            guard current != last else { continue }
            while true {
                try await Task.sleep(for: settle)
                let next = snapshot()
                if next == current { break }
                current = next
            }
            last = current
            await onChange()
        }
    }
}
