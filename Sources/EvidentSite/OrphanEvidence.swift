import EvidentCore
import EvidentEvidence

/// Stored evidence that no directive uses any more: `content/<slug>/evidence/<id>.json` after the directive `id`
/// was deleted or renamed. Such a file is neither read nor published; the build names it so it can be deleted.
enum OrphanEvidence {
    /// The orphan files of `essays`, as paths relative to the site folder, in essay order; `directives` holds the
    /// directives of the essays that have some. Temporary files of an interrupted save (`.<id>.json.tmp`) are not
    /// evidence and are left out.
    static func find(_ essays: [Essay], directives: [EssayDirectives]) throws -> [String] {
        var ids: [String: Set<String>] = [:]
        for essay in directives {
            ids[essay.slug] = Set(essay.directives.map(\.id))
        }
        let found = try ParallelMap.map(essays) { essay -> [String] in
            guard let names = FileBytes.names(in: essay.folderPath + "/evidence") else { return [] }
            let known = ids[essay.slug] ?? []
            return names.filter { name in
                name.hasSuffix(".json") && !name.hasPrefix(".") && !known.contains(String(name.dropLast(5)))
            }
            .sorted().map { "content/\(essay.slug)/evidence/\($0)" }
        }
        return Array(found.joined())
    }

    /// The warning for one orphan file, saying how to remove it.
    static func warning(_ path: String) -> String {
        let id = path.split(separator: "/").last.map { String($0.dropLast(5)) } ?? path
        let essay = path.components(separatedBy: "/evidence/").first ?? "content"
        return "\(path): unused stored evidence: no directive in \(essay)/index.md has the id `\(id)` "
            + "— delete it from the site folder (`git rm \(path)`, or `rm`), or restore the directive"
    }
}
