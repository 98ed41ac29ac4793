import Foundation
import Mustache

/// The compiled Mustache templates of a site: its own `templates/` over the default theme, file by file.
///
/// Templates are compiled once per build. Page templates are `essay`, `index` and `404`; partials live under
/// `partials/` and are referenced as `{{>partials/name}}`.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// Static files of the theme (`assets/...`), path → contents.
    public let assets: [String: String]

    static let pages = ["essay", "index", "404"]

    /// Loads and compiles the templates of `siteFolder/templates`, falling back to the default theme.
    public static func load(siteFolder: URL) throws -> TemplateSet {
        var sources = DefaultTheme.files.mapValues { TemplateSource(text: $0 + "\n", file: nil) }
        let folder = siteFolder.appendingPathComponent("templates")
        if let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where !url.hasDirectoryPath {
                let path = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
                let file = "templates/\(path)"
                guard let data = FileManager.default.contents(atPath: url.path) else { continue }
                sources[path] = TemplateSource(text: try TextFile.decode(data, file: file), file: file)
            }
        }
        var library = MustacheLibrary()
        var assets: [String: String] = [:]
        for (path, source) in sources {
            guard path.hasSuffix(".mustache") else {
                assets[path] = source.text
                continue
            }
            let name = String(path.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw EvidentError(
                    .input, at: SourceLocation(file: source.displayName(path), line: error.context.lineNumber),
                    "template syntax error: \(error.error) near `\(error.context.line.trimmingCharacters(in: .whitespaces))`",
                    fix: "check that every {{#section}} and {{<parent}} is closed with its matching {{/name}}")
            }
        }
        try PartialCheck.verify(sources: sources, known: Set(sources.keys.filter { $0.hasSuffix(".mustache") }))
        return TemplateSet(library: library, assets: assets)
    }

    /// Renders the template `name` (`essay`, `index`, `404`, `partials/evidence`...) with a context.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}

/// A template's text and where it came from (nil: the default theme).
struct TemplateSource {
    var text: String
    var file: String?

    func displayName(_ path: String) -> String {
        file ?? "default theme \(path)"
    }
}
