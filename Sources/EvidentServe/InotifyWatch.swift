import Foundation
import Glibc

/// The site's sources watched with Linux inotify: one watch per folder under each watched root, and one on each
/// root's parent for roots that appear, vanish or are renamed. It costs nothing while nothing changes.
///
/// Events are read on a serial queue when the kernel has some; every change that matters bumps `changes`. New
/// folders are watched as they appear; a lost event queue (`IN_Q_OVERFLOW`) re-watches everything and counts as a
/// change. When a watch cannot be added (the watch limit is reached) the watch records the failure, bumps
/// `changes` and stops, so that the caller can fall back to polling.
final class InotifyWatch: @unchecked Sendable {
    /// Why inotify cannot be used: the failed call and its `errno`.
    struct Unavailable: Error {
        var call: String
        var errno: Int32
    }

    private static let folderEvents = UInt32(
        IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ONLYDIR)
    private static let parentEvents = UInt32(IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ONLYDIR)

    private let descriptor: Int32
    private let roots: [String]
    private let changes: ChangeCounter
    private let queue = DispatchQueue(label: "evident.watch")
    private var source: DispatchSourceRead?
    /// Watched folders under the roots, by watch descriptor.
    private var folders: [Int32: String] = [:]
    /// The roots' parent folders, by watch descriptor.
    private var parents: [Int32: String] = [:]
    /// Set once a watch could not be added; the watch then reads no more events.
    private var lastFailure: Unavailable?

    /// Why the watch stopped, if it did.
    var failure: Unavailable? { queue.sync { lastFailure } }

    /// Watches `roots` (absolute folder paths; missing ones are watched for appearing) and bumps `changes`.
    init(roots: [String], changes: ChangeCounter) throws(Unavailable) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw Unavailable(call: "inotify_init1", errno: errno) }
        self.roots = roots
        self.changes = changes
        do throws(Unavailable) {
            try watchEverything()
        } catch {
            close(descriptor)
            throw error
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [weak self] in self?.readEvents() }
        source.setCancelHandler { [descriptor] in close(descriptor) }
        self.source = source
        source.resume()
    }

    /// Stops reading events and closes the inotify descriptor, which removes every watch.
    func stop() {
        queue.sync {
            source?.cancel()
            source = nil
        }
    }

    private func watchEverything() throws(Unavailable) {
        folders = [:]
        for parent in Set(roots.map { ($0 as NSString).deletingLastPathComponent }) {
            let watch = inotify_add_watch(descriptor, parent, Self.parentEvents)
            if watch >= 0 { parents[watch] = parent }
        }
        for root in roots { try watchTree(root) }
    }

    /// Adds a watch to `top` and every folder under it that is not hidden; folders gone meanwhile are skipped.
    private func watchTree(_ top: String) throws(Unavailable) {
        var pending = [top]
        while let folder = pending.popLast() {
            let watch = inotify_add_watch(descriptor, folder, Self.folderEvents)
            guard watch >= 0 else {
                if [ENOENT, ENOTDIR, EACCES].contains(errno) { continue }
                throw Unavailable(call: "inotify_add_watch", errno: errno)
            }
            folders[watch] = folder
            pending += WatchedNames.subfolders(of: folder).map { folder + "/" + $0 }
        }
    }

    /// Drains the descriptor (on the queue) and bumps `changes` once when any event mattered.
    private func readEvents() {
        var changed = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while lastFailure == nil {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { bytes in
                InotifyEvent.forEach(in: UnsafeRawBufferPointer(rebasing: bytes[..<count])) { event in
                    if handle(event) { changed = true }
                }
            }
        }
        if lastFailure != nil {
            source?.cancel()
            source = nil
        }
        if changed || lastFailure != nil { changes.bump() }
    }

    /// Updates the watches after `event`; whether the event is a change of the sources.
    private func handle(_ event: InotifyEvent) -> Bool {
        do throws(Unavailable) {
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                try watchEverything()
                return true
            }
            if let parent = parents[event.watch] {
                let path = parent + "/" + event.name
                guard roots.contains(path) else { return false }
                if event.isFolderLeaving { forgetTree(path) }
                if event.isFolderArriving { try watchTree(path) }
                return true
            }
            guard let folder = folders[event.watch] else { return false }
            if event.mask & UInt32(IN_IGNORED) != 0 {
                folders[event.watch] = nil
                return false
            }
            guard WatchedNames.isWatched(event.name) else { return false }
            let path = folder + "/" + event.name
            if event.isFolderLeaving { forgetTree(path) }
            if event.isFolderArriving { try watchTree(path) }
            return true
        } catch {
            lastFailure = error
            return true
        }
    }

    /// Removes the watches of a folder moved away, so that its later events are not taken for the site's.
    private func forgetTree(_ top: String) {
        for (watch, folder) in folders where folder == top || folder.hasPrefix(top + "/") {
            inotify_rm_watch(descriptor, watch)
            folders[watch] = nil
        }
    }
}

/// One event read from an inotify descriptor.
struct InotifyEvent {
    var watch: Int32
    var mask: UInt32
    /// The name of the entry inside the watched folder; empty for events on the folder itself.
    var name: String

    var isFolderArriving: Bool {
        mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
    }

    var isFolderLeaving: Bool {
        mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0
    }

    /// Calls `body` with each event in `bytes` (a whole number of `struct inotify_event` records, as `read` gives).
    static func forEach(in bytes: UnsafeRawBufferPointer, _ body: (InotifyEvent) -> Void) {
        let header = MemoryLayout<inotify_event>.size
        var offset = 0
        while offset + header <= bytes.count {
            let record = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
            let nameBytes = bytes[(offset + header)..<min(offset + header + Int(record.len), bytes.count)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            body(InotifyEvent(watch: record.wd, mask: record.mask, name: name))
            offset += header + Int(record.len)
        }
    }
}
