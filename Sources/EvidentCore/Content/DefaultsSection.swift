/// The `defaults:` mapping of `content/site.yml` as written: each value's YAML scalar text and where it stands.
/// The evidence stage checks it (`DirectiveDefaults`) before the essays are read.
package struct DefaultsSection: Sendable, Equatable {
    /// Each default as its YAML scalar text.
    package var values: [String: String] = [:]
    /// Where the mapping was written, for messages.
    package var location = SourceLocation(file: "content/site.yml")
    /// Where each value was written (its line in `site.yml`).
    package var locations: [String: SourceLocation] = [:]
}
