/// One piece of a compiled template: the tree the parser builds once and the renderer walks for every page.
enum TemplateNode: Sendable, Equatable {
    /// Text written as is (line breaks included).
    case text(String)
    /// The start of a template line: writes the indentation of the partial, parent or block being rendered.
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
    case value(ValuePath, escaped: Bool)
    /// `{{#name}}...{{/name}}`.
    case section(ValuePath, [TemplateNode])
    /// `{{^name}}...{{/name}}`.
    case invertedSection(ValuePath, [TemplateNode])
    /// `{{>name}}`, on this line of its template.
    case partial(String, TemplatePlacement, line: Int)
    /// `{{<name}}...{{/name}}`: the template `name` with the blocks this one overrides; the line of its opening tag.
    case parent(String, TemplatePlacement, overrides: [String: [TemplateNode]], line: Int)
    /// `{{$name}}default{{/name}}` outside a parent: the default, unless an enclosing parent overrides it.
    case block(String, BlockPlacement, default: [TemplateNode])
}

/// Where a partial or parent tag sits on its line, which decides how the included template's lines are indented.
enum TemplatePlacement: Sendable, Equatable {
    /// After other content on the line: the included template is written unindented.
    case inline
    /// Only whitespace before it on the line: each line of the included template gets that whitespace in front.
    case indented(String)
}

/// Where a block tag sits, which decides the indentation of the content that overrides it.
enum BlockPlacement: Sendable, Equatable {
    /// After other content on the line: an override is written unindented.
    case inline
    /// Only this whitespace before the tag, content after it: an override's lines get the whitespace in front.
    case indented(String)
    /// Alone on its line: an override's lines get the indentation of the block's first line (its own).
    case ownLine(String)
}

/// The name in a tag: `.` (the current value) or dotted keys, whose first is looked up the context stack.
enum ValuePath: Sendable, Equatable {
    case current
    case keys([String])
}
