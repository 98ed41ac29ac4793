/// An essay with its Markdown parsed (cmark's tree copied into Swift values).
package struct ParsedEssay: Sendable {
    /// The essay as read: its front matter, body and files.
    package var source: Essay
    package var document: MarkdownDocument

    package init(_ essay: Essay) {
        self.source = essay
        self.document = MarkdownDocument(parsing: essay.body)
    }

    /// The location in the essay file of a line of its body.
    package func location(bodyLine line: Int) -> SourceLocation {
        SourceLocation(file: source.file, line: source.bodyLine + line - 1)
    }
}
