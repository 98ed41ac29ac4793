import EvidentCore
import Foundation

/// The feed entries of the essays some feed carries, kept in a file from the moment each page is rendered until the
/// feeds are written: an entry holds its whole page, and a large site's feeds carry hundreds of them, too many to
/// hold in memory. The file has no name (it is unlinked as soon as it is open), so nothing is left of it after the
/// build, however the build ends.
final class FeedEntries: @unchecked Sendable {
    private let file: OpenFile
    /// The staging folder the file is in, for messages.
    private let folder: String
    private let lock = NSLock()
    /// Where the next entry goes.
    private var end = 0
    private var ranges: [String: Range<Int>] = [:]

    /// Opens the file in `folder` (the staging folder).
    init(in folder: String) throws {
        let path = folder + "/.feed-entries"
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.failure(FileBytesError(errno: errno), folder: folder) }
        unlink(path)
        file = OpenFile(descriptor: descriptor)
        self.folder = folder
    }

    /// Keeps the entry of the essay `slug`; safe to call from several threads at once.
    func add(_ entry: [UInt8], for slug: String) throws {
        let count = entry.count
        let start = lock.withLock {
            defer { end += count }
            return end
        }
        do {
            try entry.withUnsafeBytes { try FileBytes.writeAll(file.descriptor, $0, at: start) }
        } catch {
            throw Self.failure(error, folder: folder)
        }
        lock.withLock { ranges[slug] = start..<start + count }
    }

    /// A whole feed: `header`, the entries of those of `slugs` that were added, in order, and `footer`, read into
    /// one buffer of its exact size (a tag's feed carries its essays' whole pages: no copy is made twice).
    func feed(header: String, slugs: some Sequence<String>, footer: String) throws -> [UInt8] {
        let kept = lock.withLock { slugs.compactMap { ranges[$0] } }
        let count = header.utf8.count + kept.reduce(0) { $0 + $1.count } + footer.utf8.count
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var at = buffer.initialize(from: header.utf8).1
            for range in kept where complete {
                complete = file.read(
                    range, into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[at...])))
                at += range.count
            }
            let rest = UnsafeMutableBufferPointer(rebasing: buffer[at...])
            initialized = complete ? at + rest.initialize(from: footer.utf8).1 : 0
        }
        guard complete else { throw Self.failure(FileBytesError(errno: errno), folder: folder) }
        return bytes
    }

    private static func failure(_ error: Error, folder: String) -> EvidentError {
        EvidentError(
            .io, at: SourceLocation(file: folder), "cannot keep the feed entries while the pages render: \(error)",
            fix: "check that the output's file system is writable and has space")
    }
}
