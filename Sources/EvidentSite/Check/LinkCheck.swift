import EvidentCore
import Foundation

/// Checks the internal links and `#anchors` of a built site, as `zola check` does: every `href` that stays on the
/// site must name a file that exists and, with a fragment, an element id on that page.
struct LinkCheck {
    /// A link that leads nowhere.
    struct Broken: Equatable, CustomStringConvertible {
        var page: String
        var href: String
        var problem: String

        var description: String { "\(page): link `\(href)` \(problem)" }
    }

    var output: URL
    var baseURL: String

    func run() throws -> [Broken] {
        let pages = try htmlFiles()
        var ids: [String: Set<String>] = [:]
        var links: [String: [String]] = [:]
        for page in pages {
            let path = output.appendingPathComponent(page).path
            guard let bytes = try UserFile.read(path, at: SourceLocation(file: path)) else { continue }
            let html = String(decoding: bytes, as: UTF8.self)
            ids[page] = Set(HTMLAttributes.values(of: "id", in: html))
            links[page] = HTMLAttributes.values(of: "href", in: html)
        }
        var broken: [Broken] = []
        for page in pages.sorted() {
            for href in links[page] ?? [] {
                guard let (target, fragment) = resolve(href, from: page) else { continue }
                guard let file = existingFile(target) else {
                    broken.append(Broken(page: page, href: href, problem: "points to a missing page"))
                    continue
                }
                if let fragment, !fragment.isEmpty, file.hasSuffix(".html"), !(ids[file]?.contains(fragment) ?? false) {
                    broken.append(Broken(page: page, href: href, problem: "points to a missing anchor #\(fragment)"))
                }
            }
        }
        return broken
    }

    private func htmlFiles() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: output.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }
    }

    /// The output-relative path and fragment an internal link points to, or nil for an external link.
    private func resolve(_ href: String, from page: String) -> (String, String?)? {
        let decoded = href.replacingOccurrences(of: "&amp;", with: "&")
        var reference = decoded
        let basePath = URLComponents(string: baseURL)?.path ?? "/"
        if reference.hasPrefix(baseURL) {
            reference = "/" + reference.dropFirst(baseURL.count)
        } else if reference.contains(":") || reference.hasPrefix("//") {
            return nil
        } else if reference.hasPrefix("/"), basePath.count > 1, reference.hasPrefix(basePath) {
            // An absolute path on the host: the site lives under the base URL's path.
            reference = "/" + reference.dropFirst(basePath.count)
        }
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        let fragment = parts.count > 1 ? String(parts[1]).removingPercentEncoding : nil
        let pageFolder = (page as NSString).deletingLastPathComponent
        var components: [Substring] = path.hasPrefix("/") ? [] : pageFolder.split(separator: "/")
        if path.isEmpty { return (page, fragment) }
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        let target = components.joined(separator: "/").removingPercentEncoding ?? ""
        return (path.hasSuffix("/") || target.isEmpty ? target + (target.isEmpty ? "" : "/") : target, fragment)
    }

    private func existingFile(_ target: String) -> String? {
        var isDirectory: ObjCBool = false
        let candidates =
            target.isEmpty || target.hasSuffix("/") ? [target + "index.html"] : [target, target + "/index.html"]
        for candidate in candidates {
            let url = output.appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
        }
        return nil
    }
}

/// Reads attribute values out of the HTML the build produced (double-quoted attributes, as it writes them).
enum HTMLAttributes {
    static func values(of attribute: String, in html: String) -> [String] {
        var values: [String] = []
        let needle = " \(attribute)=\""
        var rest = html[...]
        while let start = rest.range(of: needle) {
            // Only inside a tag: text between tags (a code sample) may spell the attribute too.
            let before = html[..<start.lowerBound]
            let opened = before.lastIndex(of: "<")
            let inTag = opened.map { opened in before.lastIndex(of: ">").map { $0 < opened } ?? true } ?? false
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            if inTag { values.append(String(rest[..<end])) }
            rest = rest[end...]
        }
        return values
    }
}
