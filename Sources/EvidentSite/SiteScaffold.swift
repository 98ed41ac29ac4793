import EvidentCore
import EvidentRendering
import Foundation

/// `evident init`: a new site folder with its configuration and the default theme, ready to edit.
package enum SiteScaffold {
    package static func create(at folder: URL) throws {
        let content = folder.appendingPathComponent("content")
        if FileManager.default.fileExists(atPath: content.path) {
            throw EvidentError(
                .input, at: SourceLocation(file: content.path), "a site already exists here",
                fix: "choose an empty folder, or run `evident new SLUG` to add an essay to this site")
        }
        let templates = folder.appendingPathComponent("templates")
        if FileManager.default.fileExists(atPath: templates.path) {
            throw EvidentError(
                .input, at: SourceLocation(file: templates.path), "a templates folder already exists here",
                fix: "move it away, or copy the default theme into it yourself from a site made in an empty folder")
        }
        try OutputFile.createNew(
            content.appendingPathComponent("site.yml"),
            contents: """
                title: My essays
                base_url: https://example.org/
                author: ""
                language: en
                # python: .venv/bin/python     the interpreter experiments run with (default: .venv, else python3)
                # unsafe_html: false           pass raw HTML in Markdown through
                # defaults: {budget: 30s}      directive defaults

                """)
        try ignoreBuildFolders(in: folder.appendingPathComponent(".gitignore"))
        try DefaultTheme.write(to: templates)
    }

    /// Adds the build's folders to `.gitignore`, keeping what the file already says.
    private static func ignoreBuildFolders(in file: URL) throws {
        let existing = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let lines = Set(existing.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = ["public/", ".evident-cache/", ".venv/"].filter { !lines.contains($0) }
        guard !missing.isEmpty else { return }
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        try OutputFile.write(file, contents: existing + separator + missing.joined(separator: "\n") + "\n")
    }
}
