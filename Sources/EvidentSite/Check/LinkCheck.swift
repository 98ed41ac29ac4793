import EvidentCore
import Foundation

/// Checks the internal references of a built site, as `zola check` does: every `href`, `src` and `srcset` of its pages
/// and every CSS `url()` (in style sheets, `<style>` and `style` attributes) that stays on the site must name a file
/// that exists and, for a link with a fragment, an element id on that page.
struct LinkCheck {
    /// A reference that leads nowhere, at its page and line.
    struct Broken: Equatable, CustomStringConvertible {
        var page: String
        var reference: PageReference
        var problem: String

        var description: String {
            "\(page):\(reference.line): \(reference.kind.rawValue) `\(reference.url)` \(problem)"
        }
    }

    var output: URL
    var baseURL: String

    func run() throws -> [Broken] {
        let files = try checkedFiles()
        var ids: [String: Set<String>] = [:]
        var references: [String: [PageReference]] = [:]
        for file in files {
            let path = output.appendingPathComponent(file).path
            guard let bytes = try UserFile.read(path, at: SourceLocation(file: path)) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            if file.hasSuffix(".css") {
                references[file] = PageReference.cssURLs(in: text)
            } else {
                ids[file] = Set(HTMLAttributes.values(of: "id", in: text).map(\.value))
                references[file] = PageReference.all(in: text)
            }
        }
        var broken: [Broken] = []
        for file in files.sorted() {
            for reference in references[file] ?? [] {
                guard let (target, fragment) = resolve(reference.url, from: file) else { continue }
                guard let found = existingFile(target) else {
                    broken.append(
                        Broken(
                            page: file, reference: reference,
                            problem: "points to a missing \(reference.kind == .link ? "page" : "file")"))
                    continue
                }
                if reference.kind == .link, let fragment, !fragment.isEmpty, found.hasSuffix(".html"),
                    !(ids[found]?.contains(fragment) ?? false)
                {
                    broken.append(
                        Broken(
                            page: file, reference: reference,
                            problem: "points to a missing anchor #\(fragment)"))
                }
            }
        }
        return broken
    }

    /// The pages and style sheets of the output.
    private func checkedFiles() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: output.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") || $0.hasSuffix(".css") }
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

/// Reads attribute values out of the HTML the build produced (double-quoted attributes, as it writes them), each
/// with its line.
enum HTMLAttributes {
    static func values(of attribute: String, in html: String) -> [(value: String, line: Int)] {
        var values: [(value: String, line: Int)] = []
        let needle = " \(attribute)=\""
        var rest = html[...]
        var lines = LineCounter(html)
        while let start = rest.range(of: needle) {
            // Only inside a tag: text between tags (a code sample) may spell the attribute too.
            let before = html[..<start.lowerBound]
            let opened = before.lastIndex(of: "<")
            let inTag = opened.map { opened in before.lastIndex(of: ">").map { $0 < opened } ?? true } ?? false
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            if inTag { values.append((String(rest[..<end]), lines.line(at: start.lowerBound))) }
            rest = rest[end...]
        }
        return values
    }
}

/// The line of a position in a text, counted forward from the last position asked (positions come in order).
struct LineCounter {
    private let text: String
    private var position: String.Index
    private var line = 1

    init(_ text: String) {
        self.text = text
        position = text.startIndex
    }

    mutating func line(at index: String.Index) -> Int {
        if index < position { (position, line) = (text.startIndex, 1) }
        line += text.utf8[position..<index].lazy.filter { $0 == UInt8(ascii: "\n") }.count
        position = index
        return line
    }
}
