/// An essay with its Markdown parsed (cmark's tree copied into Swift values).
package struct ParsedEssay: Sendable {
    package var essay: Essay
    package var document: MarkdownDocument

    package init(_ essay: Essay) {
        self.essay = essay
        self.document = MarkdownDocument(parsing: essay.body)
    }

    /// The location in the essay file of a line of its body.
    package func location(bodyLine line: Int) -> SourceLocation {
        SourceLocation(file: essay.file, line: essay.bodyLine + line - 1)
    }
}
