import Foundation

/// One essay: `content/<slug>/index.md` and its front matter. Its Markdown body is read when the essay is parsed
/// (`ParsedEssay.read`), not kept here: a site's list of essays then holds what the index, tags, feeds and sitemap
/// need, whatever the size of the site.
package struct Essay: Sendable {
    /// The folder name, which is also the URL path.
    package var slug: String
    /// `content/<slug>/index.md`, relative to the site folder (for messages).
    package var file: String
    /// The essay's folder on disk (experiments, evidence and snippets are inside it).
    package var folder: URL { URL(fileURLWithPath: folderPath, isDirectory: true) }
    /// `folder` as a path: building a URL per essay costs more than reading the essay, and few essays need one.
    package var folderPath: String
    package var frontMatter: FrontMatter
    /// The file line where the body starts, to turn body lines into file lines.
    var bodyLine: Int

    /// Where the front matter gives `key` (`tags:`), for an error found after parsing; the file alone when the
    /// key is not at the start of a line of the front matter.
    package func location(ofKey key: String) -> SourceLocation {
        let text = (try? String(contentsOfFile: folderPath + "/index.md", encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(max(bodyLine - 1, 0))
        guard let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else {
            return SourceLocation(file: file)
        }
        return SourceLocation(file: file, line: index + 1)
    }

    /// Loads `content/<slug>/index.md`; a link that leads out of the essay folder is refused (`ContainedFile`).
    static func load(slug: String, contentFolder: URL) throws -> Essay {
        let folder = contentFolder.path + "/" + slug
        let file = "content/\(slug)/index.md"
        var status = stat()
        if lstat(folder + "/index.md", &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK,
            let problem = ContainedFile.problem("index.md", in: URL(fileURLWithPath: folder)), problem != .missing
        {
            throw ContainedFile.error(problem, path: file, reachedFrom: nil, at: SourceLocation(file: file))
        }
        guard let data = try UserFile.read(folder + "/index.md", at: SourceLocation(file: file)) else {
            throw EvidentError(
                .input, at: SourceLocation(file: "content/\(slug)/"), "the essay folder has no index.md",
                fix: "add content/\(slug)/index.md, or move the folder out of content/")
        }
        let text = try TextFile.decode(data, file: file)
        let (frontMatter, _, bodyLine) = try FrontMatter.split(text, file: file)
        return Essay(slug: slug, file: file, folderPath: folder, frontMatter: frontMatter, bodyLine: bodyLine)
    }

    /// The Markdown after the front matter, read from the file again (with the line it starts at, which an edit
    /// since `load` may have moved).
    func readBody() throws -> (body: String, bodyLine: Int) {
        guard let data = try UserFile.read(folderPath + "/index.md", at: SourceLocation(file: file)) else {
            throw EvidentError(
                .input, at: SourceLocation(file: file), "the essay was removed while the site was building",
                fix: "build again")
        }
        let (_, body, bodyLine) = try FrontMatter.parts(of: try TextFile.decode(data, file: file), file: file)
        return (String(body), bodyLine)
    }
}
