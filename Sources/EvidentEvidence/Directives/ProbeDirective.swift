import EvidentCore
import Foundation

/// A validated `probe` directive: each snippet run under each tool; a snippet works when the output shows the
/// marker it prints as its last act.
package struct ProbeDirective: Sendable, Equatable {
    /// The keys a `probe` body may have.
    static let keys = ["id", "title", "caption", "tools", "snippets", "marker", "timeout", "claims"]

    package var id: String
    package var title: String
    /// One Markdown sentence shown under the title.
    package var caption: String?
    /// The tools in the order written.
    package var tools: [ProbeTool]
    /// The snippets in the order written.
    package var snippets: [ProbeSnippet]
    /// The text whose presence in the output means the snippet worked.
    var marker: String
    /// The cap for one run of one snippet.
    var timeout: Duration
    var claims: [DirectiveClaim]
    /// The essay and the line of the opening fence.
    package var location: SourceLocation

    /// Validates a `probe` body and applies the defaults: marker `PROBE-OK`, timeout 20s.
    init(_ body: DirectiveBody, essayFolder: URL) throws {
        (id, title, caption) = try body.header()
        tools = try body.required(.tools).entries().map {
            ProbeTool(name: $0.key, command: try $0.value.text())
        }
        snippets = try body.required(.snippets)
            .entries().map { ProbeSnippet(name: $0.key, path: try DirectivePath.resolve($0.value, in: essayFolder)) }
        marker = try body.value("marker")?.text() ?? "PROBE-OK"
        timeout = try body.value("timeout").map(DirectiveQuantity.duration) ?? .seconds(20)
        claims = try DirectiveClaim.list(body)
        location = body.location
    }
}

/// A tool of a probe: a name and the command line that runs a snippet.
package struct ProbeTool: Sendable, Equatable {
    /// The placeholder for the snippet's path in a command line.
    static let filePlaceholder = "{file}"

    package var name: String
    /// The command line, e.g. `ipython --no-banner {file}` or `python -i`.
    var command: String

    /// Whether the snippet's path goes into the command line; otherwise the snippet comes on stdin.
    var takesFile: Bool { command.contains(Self.filePlaceholder) }
}

/// A snippet of a probe: a name and its file, relative to the essay folder.
package struct ProbeSnippet: Sendable, Equatable {
    package var name: String
    var path: String
}
