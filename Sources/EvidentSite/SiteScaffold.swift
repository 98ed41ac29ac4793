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
        let ignore = folder.appendingPathComponent(".gitignore")
        try checkIgnoreFile(ignore)
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
        try ignoreBuildFolders(in: ignore)
        try DefaultTheme.write(to: templates)
    }

    /// An existing `.gitignore` must be a regular file of the folder: through a symbolic link, the lines `init`
    /// appends would land in a file elsewhere (checked before anything is created).
    private static func checkIgnoreFile(_ file: URL) throws {
        var status = stat()
        guard lstat(file.path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG else { return }
        let kind = (status.st_mode & S_IFMT) == S_IFLNK ? "a symbolic link" : "not a regular file"
        throw EvidentError(
            .input, at: SourceLocation(file: file.path),
            "`.gitignore` is \(kind), and `evident init` writes only to a regular file inside the new site",
            fix: "replace it with a regular file (or remove it), then run `evident init` again")
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
