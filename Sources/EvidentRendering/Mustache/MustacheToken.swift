/// A piece of template source: text without line breaks, one line break, or one tag.
struct MustacheToken: Equatable {
    enum Kind: Equatable {
        case text
        case lineBreak
        case tag(TagKind)
    }

    var kind: Kind
    /// Text: its characters; line break: `\n` or `\r\n`; tag: its name (content without sigil and spaces).
    var content: String
    /// A tag as written, for messages.
    var source = ""
    /// The 1-based line the token starts on.
    var line: Int

    /// Text made of spaces and tabs only.
    var isWhitespace: Bool {
        kind == .text && content.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    var tagKind: TagKind? {
        guard case .tag(let kind) = kind else { return nil }
        return kind
    }
}

/// What a tag does, from its sigil.
enum TagKind: Equatable {
    /// `{{name}}`
    case value
    /// `{{{name}}}` or `{{&name}}`
    case unescaped
    /// `{{#name}}`
    case section
    /// `{{^name}}`
    case inverted
    /// `{{/name}}`
    case close
    /// `{{! text }}`
    case comment
    /// `{{>name}}`
    case partial
    /// `{{<name}}`
    case parent
    /// `{{$name}}`
    case block
    /// `{{=<% %>=}}`
    case delimiters

    /// Whether a line holding only this tag and whitespace is removed from the output.
    var canStandAlone: Bool {
        self != .value && self != .unescaped
    }

    /// Whether the tag starts something that a `{{/name}}` closes.
    var opens: Bool {
        self == .section || self == .inverted || self == .parent || self == .block
    }
}
