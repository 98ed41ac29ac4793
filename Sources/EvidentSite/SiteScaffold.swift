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
        try OutputFile.createNew(
            folder.appendingPathComponent(".gitignore"), contents: "public/\n.evident-cache/\n.venv/\n")
        try DefaultTheme.write(to: folder.appendingPathComponent("templates"))
    }
}
