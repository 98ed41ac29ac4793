import EvidentCore

/// What is wrong with a path a directive or include names, relative to the essay folder (`folder`, as messages
/// name it: `content/x`). The English is here.
package enum DirectivePathFailure: FailureReason {
    case absolute(String, folder: String)
    /// A path whose `..` climbs out of the essay folder.
    case leavesFolder(String, folder: String)
    /// An experiment path without a known extension.
    case notAnExperiment(String)
    /// Nothing at `path`; `relative` is it normalized, `nearest` a file of a similar name.
    case missing(String, folder: String, relative: String, nearest: String?)
    case isFolder(String)
    /// A symbolic link that leads out of the essay folder.
    case linksOutside(String, folder: String)

    package var kind: EvidentError.Kind { .input }

    package var message: String {
        switch self {
        case .absolute(let path, _): return "`\(path)` is an absolute path"
        case .leavesFolder(let path, _): return "`\(path)` leaves the essay folder"
        case .notAnExperiment(let path): return "`\(path)` is not a Python, Swift or JavaScript file"
        case .missing(let path, _, _, _): return "`\(path)` does not exist"
        case .isFolder(let path): return "`\(path)` is a folder, not a file"
        case .linksOutside(let path, _): return "`\(path)` is a symlink to a file outside the essay folder"
        }
    }

    package var fix: String? {
        switch self {
        case .absolute(_, let folder): return "write a path relative to \(folder), like `experiments/x.py`"
        case .leavesFolder(_, let folder): return "move the file into \(folder) and write its path from there"
        case .notAnExperiment: return "experiments are `.py`, `.swift`, `.js` or `.mjs` files"
        case .missing(_, let folder, let relative, let nearest):
            return
                "\(nearest.map { "did you mean `\($0)`? Or " } ?? "")create \(folder)/\(relative) or correct the path"
        case .isFolder: return "name a file inside it"
        case .linksOutside(_, let folder): return "copy the file into \(folder) instead of linking to it"
        }
    }
}
