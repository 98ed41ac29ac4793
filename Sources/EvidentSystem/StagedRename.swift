import CEvidentSystem
import Glibc

/// Puts a staged file or folder in place in one step, the way both the output folder and the stored evidence are
/// replaced: an atomic exchange (`renameat2` with `RENAME_EXCHANGE`) when something is already there, whose old
/// bytes then sit at the staged path until the caller removes them (or puts them back), else a plain rename.
package enum StagedRename {
    /// What `place` did.
    package enum Placed: Sendable, Equatable {
        /// Exchanged with the entry that was there, which now sits at the staged path.
        case exchanged
        /// Moved into a free place.
        case moved
    }

    /// Puts `staged` at `destination`; nil (with `errno` set) when neither an exchange nor a rename could.
    package static func place(_ staged: String, at destination: String) -> Placed? {
        if evident_rename_exchange(staged, destination) == 0 { return .exchanged }
        guard errno == ENOENT, rename(staged, destination) == 0 else { return nil }
        return .moved
    }

    /// Undoes `place`: the entry that was at `destination` goes back there, the staged one back to `staged`.
    package static func undo(_ placed: Placed, staged: String, destination: String) {
        switch placed {
        case .exchanged: _ = evident_rename_exchange(staged, destination)
        case .moved: rename(destination, staged)
        }
    }

    /// The text of the last failed call's `errno`.
    package static var lastError: String { String(cString: strerror(errno)) }
}
