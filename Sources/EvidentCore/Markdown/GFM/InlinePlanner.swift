/// Plans the children of one inline container (paragraph, heading, emphasis, link, cell…) with GFM's inline
/// extensions put in: text runs split around strikethroughs, autolinks, footnote references and a task list
/// marker; every other child stays as it is.
struct InlinePlanner {
    var nodes: [MarkdownNode]
    var tree: Int
    var footnoteKeys: Set<String>

    private enum Segment {
        case node(Int)
        case run(InlineRun)
    }

    func steps(for container: Int, placement: InlinePlacement) -> [ExtensionStep] {
        let kind = nodes[container].kind
        let insideLink = placement.insideLink || kind.isLinkOrImage
        let childPlacement = InlinePlacement(insideLink: insideLink)
        let children = nodes.children(of: container)
        let mayHoldExtension = children.contains { child in
            guard case .text(let literal) = nodes[child].kind else { return false }
            return InlineRun.mayHoldExtension(literal) || (placement.mayStartTask && literal.hasPrefix("["))
        }
        guard mayHoldExtension else {
            return children.map { .node(tree: tree, index: $0, placement: childPlacement) }
        }
        var segments = segments(of: container)
        let startsTask = placement.mayStartTask && startsTask(segments)
        let containerEdges = kind.edgeScalars
        var tokens: [[InlineToken]] = []
        for position in segments.indices {
            guard case .run(var run) = segments[position] else {
                tokens.append([])
                continue
            }
            run.before = position > 0 ? edges(of: segments[position - 1]).last : containerEdges.start
            run.after = position + 1 < segments.count ? edges(of: segments[position + 1]).first : containerEdges.end
            segments[position] = .run(run)
            let scan = InlineScan(run: run, footnoteKeys: footnoteKeys, allowsLinks: !insideLink)
            tokens.append(scan.tokens(startsTask: startsTask && position == 0))
        }
        let roles = StrikethroughPairs.roles(tokens)
        var steps: [ExtensionStep] = []
        for (position, segment) in segments.enumerated() {
            switch segment {
            case .node(let index):
                steps.append(.node(tree: tree, index: index, placement: childPlacement))
            case .run(let run):
                append(run, tokens[position], roles[position], to: &steps)
            }
        }
        return steps
    }

    private func segments(of container: Int) -> [Segment] {
        var segments: [Segment] = []
        var run: InlineRun?
        for child in nodes.children(of: container) {
            if case .text(let literal) = nodes[child].kind {
                var current = run ?? InlineRun()
                current.append(literal, node: child)
                run = current
            } else {
                if let finished = run { segments.append(.run(finished)) }
                run = nil
                segments.append(.node(child))
            }
        }
        if let finished = run { segments.append(.run(finished)) }
        return segments
    }

    /// Whether the first run may begin with a task list marker: `[ ]` with white space after it, in the run or
    /// as the line break that follows.
    private func startsTask(_ segments: [Segment]) -> Bool {
        guard case .run(let run) = segments.first, run.scalars.first == "[" else { return false }
        if run.scalars.count > 3 { return true }
        guard segments.count > 1, case .node(let next) = segments[1] else { return false }
        switch nodes[next].kind {
        case .softBreak, .lineBreak: return run.scalars.count == 3
        default: return false
        }
    }

    /// The characters a segment shows at its edges in the source, as far as flanking and autolinks care.
    private func edges(of segment: Segment) -> (first: Unicode.Scalar, last: Unicode.Scalar) {
        guard case .node(let index) = segment else { return ("a", "a") }
        switch nodes[index].kind {
        case .softBreak, .lineBreak: return ("\n", "\n")
        case .code: return ("`", "`")
        case .emphasis, .strong: return ("*", "*")
        case .link: return ("[", ")")
        case .image: return ("!", ")")
        case .htmlInline: return ("<", ">")
        default: return ("a", "a")
        }
    }

    private func append(
        _ run: InlineRun, _ tokens: [InlineToken], _ roles: [StrikethroughPairs.Role], to steps: inout [ExtensionStep]
    ) {
        var position = 0
        func text(upTo end: Int) {
            guard end > position else { return }
            let literal = String(String.UnicodeScalarView(run.written[position..<end]))
            steps.append(.leaf(.text(literal), range(run, position)))
        }
        for (token, role) in zip(tokens, roles) {
            text(upTo: token.range.lowerBound)
            position = token.range.lowerBound
            let range = range(run, position)
            switch (token.kind, role) {
            case (.tilde, .opener): steps.append(.open(.strikethrough, range))
            case (.tilde, .closer): steps.append(.close)
            case (.tilde, .text): text(upTo: token.range.upperBound)
            case (.footnoteReference(let key), _): steps.append(.footnoteReference(key: key, range))
            case (.taskListMarker(let checked), _): steps.append(.leaf(.taskListMarker(isChecked: checked), range))
            case (.autolink(let url), _):
                steps.append(.open(.link(url: url, title: ""), range))
                steps.append(.leaf(.text(String(String.UnicodeScalarView(run.written[token.range]))), range))
                steps.append(.close)
            }
            position = token.range.upperBound
        }
        text(upTo: run.scalars.count)
    }

    private func range(_ run: InlineRun, _ offset: Int) -> MarkdownSourceRange {
        nodes[run.node(at: offset)].range
    }
}

extension MarkdownNode.Kind {
    var isLinkOrImage: Bool {
        switch self {
        case .link, .image: return true
        default: return false
        }
    }

    /// What stands in the source just inside an inline container's edges: a line edge for a paragraph,
    /// heading or cell, a delimiter for emphasis, a bracket for a link's text.
    fileprivate var edgeScalars: (start: Unicode.Scalar, end: Unicode.Scalar) {
        switch self {
        case .emphasis, .strong: return ("*", "*")
        case .link, .image: return ("[", "]")
        default: return ("\n", "\n")
        }
    }
}
