import EvidentCore
import EvidentSystem
import Foundation

/// A staging folder beside the output that replaces it in one step, so that readers (and a build killed at any
/// point) see either the previous site or the new one, never a mix.
///
/// A build holds an exclusive `flock` on its staging folder until it ends, so another build (of this site, or of
/// another site writing to the same folder) can tell a staging folder in use from one a dead build left behind:
/// only the latter is removed. An interrupt removes the build's own (see `SignalCleanup`).
final class AtomicOutput {
    /// The final output folder, already checked by `OutputGuard`.
    let destination: URL
    /// Where this build writes; swapped in by `commit()`.
    let staging: URL
    /// The open staging folder that carries the lock.
    private let lock: Int32
    /// The output this build replaces, whose unchanged files are linked rather than written again; set once the
    /// staging folder holds its marker, whose mode a new file has.
    private var previous: PreviousOutput?
    private let cleanup: SignalCleanup.Registration

    private static let stagingMarker = ".evident-staging-"
    private nonisolated(unsafe) static var made = 0
    private static let counter = NSLock()

    /// Creates an empty staging folder beside `destination` holding the output marker, after removing the ones
    /// left by builds that are no longer running.
    init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let prefix = ".\(self.destination.lastPathComponent)\(Self.stagingMarker)"
        let number = Self.counter.withLock {
            Self.made += 1
            return Self.made
        }
        staging = parent.appendingPathComponent("\(prefix)\(getpid())-\(number)")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            Self.removeAbandoned(in: parent.path, prefix: prefix)
            try FileBytes.makeFolder(staging.path)
        } catch {
            throw EvidentError(
                OutputFailure.cannotCreateBuildFolder(
                    reason: (error as? FileBytesError)?.description ?? error.localizedDescription),
                at: SourceLocation(file: parent.path))
        }
        cleanup = SignalCleanup.register(staging.path)
        lock = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        do {
            guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
                throw failure(.cannotLockBuildFolder(path: staging.path, reason: StagedRename.lastError))
            }
            try OutputFile.write(path: staging.path + "/" + OutputMarker.name, contents: OutputMarker.text)
        } catch {
            discard()
            throw error
        }
        var marker = stat()
        previous =
            stat(staging.path + "/" + OutputMarker.name, &marker) == 0
            ? PreviousOutput(destination: self.destination.path, mode: marker.st_mode & 0o7777) : nil
    }

    deinit {
        if lock >= 0 { close(lock) }
    }

    /// Writes `contents` at `path` in the staging folder (relative to it, `slug/index.html`): a link to the
    /// previous output's file when that holds the same bytes (`PreviousOutput`), else a new file.
    func write(_ path: String, contents: some OutputContents) throws {
        var contents = contents
        try contents.withBytes { try write(path, bytes: $0) }
    }

    func write(_ path: String, data: Data) throws {
        try data.withUnsafeBytes { try write(path, bytes: $0) }
    }

    func write(_ path: String, bytes: UnsafeRawBufferPointer) throws {
        let target = staging.path + "/" + path
        if let previous, previous.link(path, to: target, holding: bytes) { return }
        try OutputFile.write(path: target, bytes: bytes)
    }

    /// Removes the staging folders beside the output that no running build holds (their `flock` is free).
    private static func removeAbandoned(in parent: String, prefix: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let path = parent + "/" + name
            let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard folder >= 0 else { continue }
            defer { close(folder) }
            if flock(folder, LOCK_EX | LOCK_NB) == 0 { FileBytes.removeTree(path) }
        }
    }

    /// Swaps the staging folder in (an atomic exchange when the output exists); the old output is then at the
    /// staging path until `removeOld()`. Throws with the output untouched.
    func commit() throws {
        guard StagedRename.place(staging.path, at: destination.path) != nil else {
            throw failure(.cannotSwap(reason: StagedRename.lastError))
        }
    }

    /// Removes what is left at the staging path after a commit: the previous output, if there was one.
    func removeOld() {
        FileBytes.removeTree(staging.path)
        cleanup.forget()
    }

    /// Removes the staging folder after a failed build; the output is untouched.
    func discard() {
        FileBytes.removeTree(staging.path)
        cleanup.forget()
    }

    private func failure(_ failure: OutputFailure) -> EvidentError {
        EvidentError(failure, at: SourceLocation(file: destination.path))
    }
}
