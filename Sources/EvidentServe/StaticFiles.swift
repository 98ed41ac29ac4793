import EvidentCore
import Foundation
import Glibc

/// A file read from the served folder, with what its response headers need.
struct StaticFile {
    /// The file's name, which decides its content type.
    let name: String
    let contents: Data
    let modified: Date
}

/// The served folder: maps request paths to files inside it, and never to a file outside it.
///
/// The path is checked by `RequestPath` first; then every candidate is resolved with `realpath`, so a symlink
/// pointing outside the folder is answered like a missing file.
struct StaticFiles: Sendable {
    /// What a request path names.
    enum Lookup {
        case file(StaticFile)
        /// A folder asked for without its trailing slash: the location to redirect to.
        case redirect(String)
        case notFound
        /// A path that could leave the folder, or is malformed.
        case refused
    }

    let root: URL

    /// Looks up the raw (still percent-encoded) request path; `query` is kept on a redirect.
    func lookup(_ rawPath: String, query: String?) -> Lookup {
        guard let path = RequestPath(rawPath) else { return .refused }
        let candidate = ([root.path] + path.segments).joined(separator: "/")
        guard let entry = resolve(candidate) else { return .notFound }
        guard entry.isDirectory else {
            return path.endsWithSlash ? .notFound : read(entry.path)
        }
        guard path.endsWithSlash || path.segments.isEmpty else {
            return .redirect(rawPath + "/" + (query.map { "?\($0)" } ?? ""))
        }
        guard let index = resolve(candidate + "/index.html"), !index.isDirectory else { return .notFound }
        return read(index.path)
    }

    /// The site's `404.html`, when it has one.
    func notFoundPage() -> StaticFile? {
        guard let page = resolve(root.path + "/404.html"), !page.isDirectory,
            case .file(let file) = read(page.path)
        else { return nil }
        return file
    }

    /// The real path of `path` when it exists inside the root (after following every symlink).
    private func resolve(_ path: String) -> (path: String, isDirectory: Bool)? {
        guard let realRoot = ContainedFile.realPath(root.path), let real = ContainedFile.realPath(path),
            real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
        else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return nil }
        return (real, isDirectory.boolValue)
    }

    private func read(_ path: String) -> Lookup {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let contents = FileManager.default.contents(atPath: path)
        else { return .notFound }
        let modified = attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
        return .file(StaticFile(name: (path as NSString).lastPathComponent, contents: contents, modified: modified))
    }
}
