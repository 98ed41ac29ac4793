/// An essay with its Markdown parsed (cmark's tree copied into Swift values).
package struct ParsedEssay: Sendable {
    /// The essay as read: its front matter and files.
    package var source: Essay
    /// The Markdown after the front matter.
    package var body: String
    package var document: MarkdownDocument

    /// Parses `body`, the Markdown of `essay`.
    package init(_ essay: Essay, body: String) {
        self.source = essay
        self.body = body
        self.document = MarkdownDocument(parsing: body)
    }

    /// Reads the essay's body from its file and parses it.
    package static func read(_ essay: Essay) throws -> ParsedEssay {
        var essay = essay
        let body: String
        (body, essay.bodyLine) = try essay.readBody()
        return ParsedEssay(essay, body: body)
    }

    /// The location in the essay file of a line of its body.
    package func location(bodyLine line: Int) -> SourceLocation {
        SourceLocation(file: source.file, line: source.bodyLine + line - 1)
    }
}
