import Foundation

/// The fallback when inotify cannot be used: the sources' modification times and sizes, compared every
/// `interval`. It works on every file system but costs CPU in proportion to the number of files.
final class PollingWatch: Sendable {
    /// What identifies one version of a file.
    struct Stamp: Equatable {
        var modified: Date
        var size: Int
    }

    private let task: Task<Void, Never>

    /// Starts polling `folders` (recursively; a missing one is watched for appearing) and bumps `changes`. The
    /// first snapshot is taken before it returns, so that a change made right after the start is seen.
    init(folders: [URL], interval: Duration, changes: ChangeCounter) {
        let first = Self.snapshot(folders)
        task = Task.detached {
            var last = first
            while (try? await Task.sleep(for: interval)) != nil {
                let current = Self.snapshot(folders)
                if current != last { changes.bump() }
                last = current
            }
        }
    }

    func stop() {
        task.cancel()
    }

    /// Every watched file and folder with its stamp.
    static func snapshot(_ folders: [URL]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        for folder in folders {
            guard
                let files = FileManager.default.enumerator(
                    at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
            else { continue }
            for case let file as URL in files {
                if !WatchedNames.isWatched(file.lastPathComponent) {
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
}
