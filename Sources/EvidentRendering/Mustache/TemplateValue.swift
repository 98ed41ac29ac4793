/// A value a template receives: the page, the site, an evidence table... built by the views and read by name.
///
/// In a section, `false`, an empty list and an absent name are falsey; every text (even empty), number (even 0)
/// and object is truthy.
package enum TemplateValue: Sendable, Equatable {
    /// Text, HTML-escaped by `{{name}}` and written as is by `{{{name}}}`.
    case text(String)
    /// Shows or hides a section, without entering it; prints `true` or `false`.
    case bool(Bool)
    /// A whole number, printed in decimal.
    case integer(Int)
    /// Repeats a section once per element, each element entered in turn.
    case list([TemplateValue])
    /// Named values, entered by a section and read by `{{name}}` or `{{outer.inner}}`.
    case object([String: TemplateValue])

    /// A list of texts, such as tags or table headers.
    static func texts(_ values: [String]) -> TemplateValue {
        .list(values.map(TemplateValue.text))
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    package init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension TemplateValue: ExpressibleByStringInterpolation {}

extension TemplateValue: ExpressibleByBooleanLiteral {
    package init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    package init(integerLiteral value: Int) {
        self = .integer(value)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    package init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    package init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
