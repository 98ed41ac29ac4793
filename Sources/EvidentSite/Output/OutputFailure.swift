import EvidentCore

/// Why a build refuses its output folder or a path in it, or cannot swap the new output in: what keeps evident
/// from replacing or overwriting anything it did not make. The English is here.
enum OutputFailure: FailureReason {
    /// Where the output lies against the site's own folders (`content`, `templates`).
    enum Overlap: Equatable {
        case isSite, holdsSite
        /// The output is the site's folder `name`.
        case isSources(String)
        /// The output lies inside the site's folder `name`.
        case insideSources(String)
        /// The output holds the site's folder `name`.
        case holdsSources(String)
    }

    /// The output is a symbolic link to a missing folder (`target`).
    case danglingLink(target: String)
    case overlaps(Overlap)
    case isAFile
    /// The output is a mount point; `given` is the output as given.
    case mountPoint(given: String)
    /// A folder without the marker; `foreign` is a file evident never writes, `entries` what the folder holds.
    case notMadeByEvident(marker: String, foreign: String?, entries: [String])
    /// A theme file at a path evident generates; `reserved` lists those paths.
    case themeFileReserved(String, reserved: [String])
    /// An essay whose slug is a folder evident generates.
    case slugReserved(String, reserved: [String])
    /// Two things published at one path: `what` would take what `owner` takes.
    case pathTaken(String, what: String, owner: String)
    case cannotCreateBuildFolder(reason: String)
    /// The staging folder at `path` could not be locked.
    case cannotLockBuildFolder(path: String, reason: String)
    case cannotSwap(reason: String)

    var kind: EvidentError.Kind {
        switch self {
        case .cannotCreateBuildFolder, .cannotLockBuildFolder, .cannotSwap: return .io
        default: return .input
        }
    }

    var message: String {
        switch self {
        case .danglingLink(let target): return "the output is a symbolic link to a missing folder (\(target))"
        case .overlaps(.isSite): return "the output folder is the site folder"
        case .overlaps(.holdsSite): return "the output folder holds the site"
        case .overlaps(.isSources(let name)): return "the output folder is the site's \(name)/ folder"
        case .overlaps(.insideSources(let name)): return "the output folder lies inside the site's \(name)/ folder"
        case .overlaps(.holdsSources(let name)): return "the output folder holds the site's \(name)/ folder"
        case .isAFile: return "the output path is a file, not a folder"
        case .mountPoint: return "the output folder is a mount point, which evident cannot replace in one step"
        case .notMadeByEvident(let marker, let foreign, let entries):
            let holds =
                foreign.map { "`\($0)`, which evident does not write" }
                ?? entries.sorted().prefix(3).map { "`\($0)`" }.joined(separator: ", ")
                + (entries.count > 3 ? ", ..." : "")
            return "the output folder was not made by evident: it has no \(marker) file and holds \(holds)"
        case .themeFileReserved(let asset, _):
            return "the theme file would be published at `\(asset)`, where evident writes its own pages"
        case .slugReserved(let slug, _):
            return "the slug `\(slug)` is a folder evident generates, so its page would be overwritten"
        case .pathTaken(let path, let what, let owner):
            return "\(what) would be published at `\(path)`, which \(owner) takes"
        case .cannotCreateBuildFolder(let reason): return "cannot create the build folder: \(reason)"
        case .cannotLockBuildFolder(let path, let reason): return "cannot lock the build folder \(path): \(reason)"
        case .cannotSwap(let reason): return "cannot swap in the new output: \(reason)"
        }
    }

    var fix: String? {
        switch self {
        case .danglingLink: return "create that folder, remove the link, or choose another folder with --output"
        case .overlaps:
            return "evident replaces its output folder entirely: choose a folder outside content/ and templates/ "
                + "that does not hold the site, with --output (the default is the site's package/)"
        case .isAFile: return "move the file away, or choose a folder with --output"
        case .mountPoint(let given): return "choose a folder inside it with --output (e.g. --output \(given)/site)"
        case .notMadeByEvident:
            return "evident replaces its output folder entirely: choose an empty or new folder with --output, "
                + "or move the folder away"
        case .themeFileReserved(_, let reserved):
            return "move it under templates/assets/ (reserved: \(reserved.joined(separator: ", ")))"
        case .slugReserved(_, let reserved):
            return "rename the essay folder (reserved: \(reserved.joined(separator: ", ")))"
        case .pathTaken: return "rename the file: evident writes its own page and evidence files there"
        case .cannotCreateBuildFolder: return "check that the output's parent folder is writable"
        case .cannotLockBuildFolder, .cannotSwap:
            return "check that the output folder is writable and on the same file system as its parent"
        }
    }
}
