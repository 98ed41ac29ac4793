/// A template that does not parse: what is wrong, on which line, and how to fix it.
struct TemplateSyntaxError: Error, Equatable {
    /// The 1-based line of the tag at fault.
    var line: Int
    var message: String
    var fix: String

    static let closeEverySection = "check that every {{#section}} and {{<parent}} is closed with its matching {{/name}}"

    static func unclosedTag(_ tag: String, line: Int, close: String) -> TemplateSyntaxError {
        TemplateSyntaxError(
            line: line, message: "`\(tag)` is not closed", fix: "end the tag with `\(close)`")
    }

    static func badName(_ tag: String, line: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(
            line: line, message: "`\(tag)` does not name a value",
            fix: "write one name without spaces, such as {{page.title}}, or {{.}} for the current value")
    }

    static func badDelimiters(_ tag: String, line: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(
            line: line, message: "`\(tag)` does not set two delimiters",
            fix: "write the opening and closing delimiter between equals signs, separated by a space: {{=<% %>=}}")
    }

    static func unclosedSection(_ tag: String, line: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(line: line, message: "`\(tag)` is never closed", fix: closeEverySection)
    }

    static func mismatchedClose(_ tag: String, line: Int, open: String, openLine: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(
            line: line, message: "`\(tag)` closes `\(open)` from line \(openLine)", fix: closeEverySection)
    }

    static func strayClose(_ tag: String, line: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(line: line, message: "`\(tag)` closes nothing", fix: closeEverySection)
    }

    static func nestedTooDeep(_ tag: String, line: Int, limit: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(
            line: line, message: "`\(tag)` nests sections, parents and blocks more than \(limit) deep",
            fix: "close some of the sections before it, or move the inner part into a partial")
    }

    static func contentInParent(_ tag: String, line: Int, parent: String) -> TemplateSyntaxError {
        TemplateSyntaxError(
            line: line, message: "`\(tag)` is inside `\(parent)` but outside its blocks, where it would not show",
            fix: "put it inside a {{$block}}...{{/block}} that overrides a block of the parent")
    }
}
