import EvidentCore
import Foundation

/// The files published beside each essay's page, as in Hugo's page bundles: every file of the essay's folder except
/// its Markdown, `experiments/` and `evidence/` (which have their own rules: the sources a directive ran are published
/// with their pages, the stored evidence as `<id>.json` and `<id>.csv`) and hidden files or `__pycache__`.
///
/// Each file obeys the rule for what evident publishes (`ContainedFile`): a regular file inside the essay folder, a
/// symbolic link only when it leads to one. A file elsewhere on the machine, a pipe or a dangling link is an error at
/// the file; a link to a folder is not followed.
struct PageBundles {
    /// Each file to publish, by its path in the output (`<slug>/<path>`), with the file on disk.
    var files: [String: String]

    /// The bundles of `essays`, read on every core.
    static func collect(_ essays: [Essay]) throws -> PageBundles {
        let perEssay = try ParallelMap.map(essays) { essay in
            try files(in: essay).map { ("\(essay.slug)/\($0)", "\(essay.folderPath)/\($0)") }
        }
        return PageBundles(files: Dictionary(perEssay.joined(), uniquingKeysWith: { first, _ in first }))
    }

    /// The paths (relative to the essay folder) of the files to publish beside `essay`'s page, sorted.
    static func files(in essay: Essay) throws -> [String] {
        var found: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            for name in try names(in: essay.folderPath + (folder.isEmpty ? "" : "/" + folder), essay: essay) {
                let path = folder.isEmpty ? name : "\(folder)/\(name)"
                guard !isLeftOut(name, atTop: folder.isEmpty) else { continue }
                var status = stat()
                guard lstat("\(essay.folderPath)/\(path)", &status) == 0 else { continue }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    folders.append(path)
                    continue
                }
                switch ContainedFile.problem(path, in: essay.folder) {
                case nil: found.append(path)
                case .folder: continue
                case let problem?:
                    let file = "content/\(essay.slug)/\(path)"
                    throw ContainedFile.error(
                        problem, path: file, reachedFrom: nil, at: SourceLocation(file: file),
                        folderName: "content/\(essay.slug)/")
                }
            }
        }
        return found.sorted()
    }

    /// Markdown (the essay itself, notes beside it), hidden files, `__pycache__`, and at the top of the folder
    /// `experiments/` and `evidence/`.
    private static func isLeftOut(_ name: String, atTop: Bool) -> Bool {
        if name.hasPrefix(".") || name == "__pycache__" { return true }
        if atTop && (name == "experiments" || name == "evidence") { return true }
        let lowered = name.lowercased()
        return lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown")
    }

    private static func names(in folder: String, essay: Essay) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            let name = "content/\(essay.slug)/" + folder.dropFirst(essay.folderPath.count + 1)
            throw EvidentError(
                .io, at: SourceLocation(file: name), "cannot list the folder: \(error.localizedDescription)",
                fix: "check the folder's permissions, and the limit of open files (ulimit -n)")
        }
    }

    /// Copies every file into the staged `output`, on every core.
    func write(into output: AtomicOutput) throws {
        _ = try ParallelMap.map(Array(files)) { path, source in
            let location = SourceLocation(file: "content/" + path)
            guard let bytes = try UserFile.read(source, at: location) else {
                throw EvidentError(
                    .input, at: location, "the file disappeared while the site was built",
                    fix: "build again once the essay folder stops changing")
            }
            try bytes.withUnsafeBytes { try output.write(path, bytes: $0) }
        }
    }
}
