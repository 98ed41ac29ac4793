import EvidentCore

/// Checks shared by directives and inline references: ids and names.
enum DirectiveValidation {
    /// A directive id: `[a-z0-9-]+`. It names `evidence/<id>.json` and the anchor.
    static func id(_ value: DirectiveValue) throws -> String {
        let id = try value.text()
        try require(isID(id), at: value, DirectiveFailure.badID(id, suggested: suggestedID(for: id)))
        return id
    }

    /// Whether `text` is a valid directive id.
    static func isID(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A variant, parameter or metric name: letters, digits, `_` and `-`, so claims and references can cite it.
    static func name(_ name: String, at value: DirectiveValue, _ what: String) throws -> String {
        try require(isName(name), at: value, DirectiveFailure.badName(name, role: what))
        return name
    }

    /// Whether `text` is a valid variant, parameter or metric name.
    static func isName(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }

    /// Throws `failure` at `value` unless `valid`.
    private static func require(
        _ valid: Bool, at value: DirectiveValue, _ failure: @autoclosure () -> DirectiveFailure
    ) throws {
        if !valid { throw value.error(failure()) }
    }

    private static func suggestedID(for text: String) -> String {
        let mapped = text.lowercased().map { isID(String($0)) ? $0 : "-" }
        let id = String(mapped).split(separator: "-").joined(separator: "-")
        return id.isEmpty ? "my-benchmark" : id
    }
}
