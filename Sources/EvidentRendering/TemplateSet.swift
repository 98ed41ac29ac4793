import EvidentCore
import Foundation

/// The compiled Mustache templates of a site: its own `templates/` over the default theme, file by file.
///
/// Templates are compiled once per build into node trees (see `MustacheParser`); rendering a page walks them. Page templates are `essay`, `index` and `404`; partials live under
/// `partials/` and are referenced as `{{>partials/name}}`.
package struct TemplateSet: Sendable {
    private let templates: [String: [TemplateNode]]
    /// Where each template comes from, for errors (`templates/essay.mustache`, `default theme essay.mustache`).
    private let files: [String: String]
    /// The bytes of each template's own text and of what it includes (see `RenderSizeEstimate`).
    private let sizes: [String: Int]
    /// Static files of the theme (`assets/...`), path → bytes: any file that is not a template, binary included.
    package let assets: [String: Data]

    static let pages = ["essay", "index", "404", "source"]

    /// Loads and compiles the templates of `siteFolder/templates`, falling back to the default theme.
    package static func load(siteFolder: URL) throws -> TemplateSet {
        var sources = DefaultTheme.files.filter { $0.key.hasSuffix(".mustache") }.mapValues {
            TemplateSource(text: $0 + "\n", file: nil)
        }
        var assets = DefaultTheme.files.filter { !$0.key.hasSuffix(".mustache") }.mapValues { Data(($0 + "\n").utf8) }
        let folder = siteFolder.appendingPathComponent("templates")
        try checkFolder(folder)
        // A folder that cannot be listed (no permission, no descriptors left) is an error, not an empty theme.
        var unlisted: (url: URL, error: Error)?
        let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: nil, options: [],
            errorHandler: { url, error in
                unlisted = unlisted ?? (url, error)
                return false
            })
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            let file = "templates/\(path)"
            // A theme file is published (assets) or rendered into every page: it must not lead out of templates/.
            if ContainedFile.problem(path, in: folder) == .outside {
                throw ContainedFile.error(
                    .outside, path: file, reachedFrom: nil, at: SourceLocation(file: file), folderName: "templates/")
            }
            guard let data = try UserFile.read(url.path, at: SourceLocation(file: file)) else { continue }
            // Only templates are text; an asset (an image, a font) is published byte for byte.
            guard path.hasSuffix(".mustache") else {
                assets[path] = Data(data)
                continue
            }
            sources[path] = TemplateSource(text: try TextFile.decode(data, file: file), file: file)
        }
        if let unlisted, FileManager.default.fileExists(atPath: folder.path) {
            let name = "templates/" + String(unlisted.url.path.dropFirst(folder.path.count + 1))
            throw EvidentError(
                TemplateFailure.cannotList(reason: unlisted.error.localizedDescription),
                at: SourceLocation(file: name.hasSuffix("/") ? String(name.dropLast()) : name))
        }
        var templates: [String: [TemplateNode]] = [:]
        var files: [String: String] = [:]
        for (path, source) in sources {
            let name = String(path.dropLast(".mustache".count))
            files[name] = source.displayName(path)
            do {
                templates[name] = try MustacheParser.parse(source.text)
            } catch let error as TemplateSyntaxError {
                throw EvidentError(
                    TemplateFailure.syntax(error), at: SourceLocation(file: files[name] ?? path, line: error.line))
            }
        }
        try PartialCheck.verify(templates, files: files)
        return TemplateSet(
            templates: templates, files: files, sizes: RenderSizeEstimate.templateSizes(templates), assets: assets)
    }

    /// A site's `templates` is a folder or is absent; anything else there would be ignored without a word.
    private static func checkFolder(_ folder: URL) throws {
        var status = stat()
        guard stat(folder.path, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else { return }
        throw EvidentError(TemplateFailure.notAFolder, at: SourceLocation(file: "templates"))
    }

    /// Renders the template `name` (`essay`, `index`, `404`, `partials/evidence`...) with a context; an unknown
    /// name renders as nothing.
    /// - Throws: `EvidentError` at the template and line of a partial or parent that recurses without end.
    package func render(_ name: String, _ context: TemplateValue) throws -> String {
        guard let nodes = templates[name] else { return "" }
        var output = ""
        output.reserveCapacity((sizes[name] ?? 0) + RenderSizeEstimate.textSize(context))
        var renderer = TemplateRenderer(templates: templates, context: context, template: name)
        do {
            try renderer.render(nodes, into: &output)
        } catch let error as TemplateRecursionError {
            throw EvidentError(
                TemplateFailure.recursion(error),
                at: SourceLocation(file: files[error.template] ?? error.template, line: error.line))
        }
        return output
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
