import Yams

/// Limits on a composed YAML tree with every alias expanded, which is the size the values read from it reach:
/// a few hundred bytes of nested aliases (`a1: &a1 [*a0, *a0, ...]`, `a2: &a2 [*a1, *a1, ...]`, ...) stand for
/// billions of values. Yams shares an alias's node rather than copying it, so composing stays cheap; this walk
/// stops at the limit, before anything (extra values, directive fields) copies them out.
enum YAMLExpansion {
    /// The most nodes (keys, values and list items, aliases counted each time they are used) one YAML text may hold.
    static let nodeLimit = 100_000
    /// The deepest nesting, aliases expanded: libyaml's own limit for the text as written.
    static let depthLimit = 1_000

    /// Throws when `root` expands past a limit, at the line of the node being expanded (the latest line on its
    /// path from the root, where the alias that pulled in earlier lines is used).
    static func check(_ root: Node, in source: YAMLSource, what: String) throws {
        var pending: [(node: Node, depth: Int, line: Int)] = [(root, 1, root.mark?.line ?? 1)]
        var count = 0
        while let (node, depth, line) = pending.popLast() {
            count += 1
            if count > nodeLimit || depth > depthLimit {
                throw tooLarge(
                    count > nodeLimit ? "more than 100,000 values" : "nesting more than 1,000 levels deep",
                    at: SourceLocation(file: source.file, line: source.firstLine + line - 1), what: what)
            }
            let children: [Node]
            switch node {
            case .mapping(let mapping): children = mapping.flatMap { [$0.key, $0.value] }
            case .sequence(let sequence): children = Array(sequence)
            case .scalar, .alias: children = []
            }
            for child in children.reversed() { pending.append((child, depth + 1, max(line, child.mark?.line ?? 0))) }
        }
    }

    private static func tooLarge(_ size: String, at location: SourceLocation, what: String) -> EvidentError {
        EvidentError(YAMLFailure.expandsTooFar(document: what, size: size), at: location)
    }
}
