import CEvidentSystem
import EvidentCore
import Foundation

/// A staging folder beside the output that replaces it in one step, so that readers (and a build killed at any
/// point) see either the previous site or the new one, never a mix.
struct AtomicOutput {
    /// The final output folder.
    let destination: URL
    /// Where this build writes; swapped in by `commit()`.
    let staging: URL

    private static let stagingMarker = ".evident-staging-"

    /// Creates an empty staging folder beside `destination`, removing ones left by killed builds.
    init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        let prefix = ".\(name)\(Self.stagingMarker)"
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            for leftover in try FileManager.default.contentsOfDirectory(atPath: parent.path)
            where leftover.hasPrefix(prefix) {
                FileBytes.removeTree(parent.appendingPathComponent(leftover).path)
            }
            staging = parent.appendingPathComponent("\(prefix)\(getpid())")
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw EvidentError(
                .io, at: SourceLocation(file: parent.path),
                "cannot create the build folder: \(error.localizedDescription)",
                fix: "check that the output's parent folder is writable")
        }
    }

    /// Swaps the staging folder in (an atomic exchange when the output exists) and removes the old output.
    func commit() throws {
        if FileManager.default.fileExists(atPath: destination.path) {
            guard evident_rename_exchange(staging.path, destination.path) == 0 else {
                throw failure("cannot swap in the new output")
            }
        } else {
            guard rename(staging.path, destination.path) == 0 else {
                throw failure("cannot move the new output in place")
            }
        }
        FileBytes.removeTree(staging.path)
    }

    /// Removes the staging folder after a failed build; the output is untouched.
    func discard() {
        FileBytes.removeTree(staging.path)
    }

    private func failure(_ what: String) -> EvidentError {
        EvidentError(
            .io, at: SourceLocation(file: destination.path), "\(what): \(String(cString: strerror(errno)))",
            fix: "check that the output folder is writable and on the same file system as its parent")
    }
}
