import EvidentCore
import EvidentSystem
import Foundation

/// The evidence files a build measured, written beside their places and flushed to disk as soon as each directive
/// is measured (`EvidenceStore.stage`), and put in place together only when the rest of the build has succeeded,
/// so that a failed build leaves every stored evidence file exactly as it was.
///
/// `commit()` exchanges each staged file with the file it replaces (`renameat2` with `RENAME_EXCHANGE`): the old
/// bytes then sit at the temporary name, so the commit can be undone until `finish()` removes them.
package final class StagedEvidence: @unchecked Sendable {
    /// One staged file.
    private struct File {
        var id: String
        var temporary: String
        var destination: String
        var location: SourceLocation
        /// The SHA-256 of the bytes staged, checked again just before the file is put in place.
        var digest: String
        var cleanup: SignalCleanup.Registration
        /// How `commit()` put it in place: exchanged with an older file or moved to a free place; nil before.
        var placed: StagedRename.Placed?
    }

    private var files: [File] = []
    private var committed = 0
    private let lock = NSLock()

    package init() {}

    /// The ids of the directives staged, in the order they were measured.
    package var ids: [String] { lock.withLock { files.map(\.id) } }

    /// Writes `record` beside its file in `store`, to be put in place by `commit()`.
    func stage(_ record: EvidenceRecord, in store: EvidenceStore) throws {
        let (temporary, digest) = try store.stage(record)
        let file = File(
            id: record.id, temporary: temporary, destination: store.url(id: record.id).path,
            location: store.location(id: record.id), digest: digest, cleanup: SignalCleanup.register(temporary))
        lock.withLock { files.append(file) }
    }

    /// Puts every staged file in place. When one cannot be, or its bytes are no longer those staged (something
    /// else wrote to it during the build), those already placed are put back and it throws: the stored evidence is
    /// then as it was.
    package func commit() throws {
        try lock.withLock {
            while committed < files.count {
                let file = files[committed]
                let bytes = try? UserFile.read(file.temporary, at: file.location)
                guard let bytes, ContentHash.hexDigest(of: Data(bytes)) == file.digest else {
                    undo()
                    throw EvidentError(
                        EvidenceFileFailure.changedBeforeStoring(id: file.id, temporary: file.temporary),
                        at: file.location)
                }
                files[committed].placed = StagedRename.place(file.temporary, at: file.destination)
                guard files[committed].placed != nil else {
                    let reason = StagedRename.lastError
                    undo()
                    throw EvidentError(
                        EvidenceFileFailure.cannotPlace(file: file.location.file, reason: reason), at: file.location)
                }
                committed += 1
            }
        }
    }

    /// Puts back the files `commit()` placed (the output could not be swapped in after them).
    package func rollBack() {
        lock.withLock { undo() }
    }

    /// After a successful commit: removes the previous files' bytes and flushes the evidence folders' entries.
    package func finish() {
        lock.withLock {
            for file in files {
                if file.placed == .exchanged { unlink(file.temporary) }
                file.cleanup.forget()
            }
            for folder in Set(files.map { ($0.destination as NSString).deletingLastPathComponent }) {
                let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                if descriptor >= 0 {
                    fsync(descriptor)
                    close(descriptor)
                }
            }
            files = []
            committed = 0
        }
    }

    /// Removes every staged file (a failed build); the stored evidence is untouched.
    package func discard() {
        lock.withLock {
            undo()
            for file in files {
                unlink(file.temporary)
                file.cleanup.forget()
            }
            files = []
        }
    }

    /// Puts back, newest first, the files committed so far. Called with the lock held.
    private func undo() {
        while committed > 0 {
            committed -= 1
            let file = files[committed]
            if let placed = file.placed {
                StagedRename.undo(placed, staged: file.temporary, destination: file.destination)
            }
            files[committed].placed = nil
        }
    }
}
