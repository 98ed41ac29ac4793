/// Builds the node tree of a template from its tokens, line by line: nests sections, parents and blocks, removes
/// standalone lines, and marks where lines start so that partials, parents and blocks can be indented.
///
/// A line holding only whitespace and one tag that can stand alone (all but values) is removed but for the tag.
/// A parent's tags count as standalone together (`{{<p}}{{$b}}` on a line ends that line), since text inside a
/// parent is ignored. Lines inside a block that overrides one of a parent's lose the indentation of the block's
/// first line; the block's position in the parent gives them theirs.
struct MustacheParser {
    /// How deep sections, parents and blocks may nest in one template: rendering walks them recursively.
    static let nestingLimit = 100

    /// A section, parent or block being read, or the template itself (no `open` tag).
    private struct Frame {
        var open: MustacheToken?
        var nodes: [TemplateNode] = []
        /// Parent: the blocks it overrides.
        var overrides: [String: [TemplateNode]] = [:]
        /// Parent: how the template it names is indented.
        var placement = TemplatePlacement.inline
        /// Block outside a parent: how an override is indented.
        var blockPlacement = BlockPlacement.inline
        /// Block that overrides one of a parent's: the indentation removed from each of its lines.
        var strip = 0
        var isOverride = false

        var isParent: Bool { open?.tagKind == .parent }
    }

    /// Where a tag sits on its line.
    private enum TagPosition {
        /// After other content.
        case inline
        /// First on its line after this whitespace, with content after it.
        case lineStart(String)
        /// Alone on its line after this whitespace (the line is removed).
        case ownLine(String)

        var placement: TemplatePlacement {
            switch self {
            case .inline: return .inline
            case .lineStart(let indentation), .ownLine(let indentation): return .indented(indentation)
            }
        }
    }

    private let lines: [[MustacheToken]]
    private var frames = [Frame()]

    /// The compiled nodes of `source`.
    /// - Throws: `TemplateSyntaxError` with the line of the offending tag.
    static func parse(_ source: String) throws -> [TemplateNode] {
        var parser = MustacheParser(lines: Self.lines(try MustacheScanner.tokens(in: source)))
        for number in parser.lines.indices {
            try parser.parseLine(number)
        }
        if let open = parser.frames.last?.open {
            throw TemplateSyntaxError.unclosedSection(open.source, line: open.line)
        }
        return parser.frames[0].nodes.droppingTrailingLineStart
    }

    private init(lines: [[MustacheToken]]) {
        self.lines = lines
    }

    /// Tokens grouped by line, each line with its line break (the last may have none).
    private static func lines(_ tokens: [MustacheToken]) -> [[MustacheToken]] {
        var lines: [[MustacheToken]] = []
        var line: [MustacheToken] = []
        for token in tokens {
            line.append(token)
            if token.kind == .lineBreak {
                lines.append(line)
                line = []
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private mutating func parseLine(_ number: Int) throws {
        var tokens = lines[number]
        Self.removeIndentation(totalStrip, from: &tokens)
        append(.lineStart)
        guard let first = tokens.firstIndex(where: { !$0.isWhitespace }) else {
            for token in tokens { append(.text(token.content)) }
            return
        }
        let leading = tokens[..<first].map(\.content).joined()
        let standalone = standaloneTag(in: tokens)
        let end = standalone.map { $0 + 1 } ?? tokens.count
        if standalone == first {
            removeLineStart()
            try add(tokens[first], position: .ownLine(leading), line: number)
        } else if startsLine(tokens[first]) {
            removeLineStart()
            try add(tokens[first], position: .lineStart(leading), line: number)
            try addInside(tokens[(first + 1)..<end], standalone: standalone, line: number)
        } else {
            try addInside(tokens[..<end], standalone: standalone, line: number)
        }
    }

    /// Adds the tokens of a line after its first; the standalone one among them is inside a parent.
    private mutating func addInside(_ tokens: ArraySlice<MustacheToken>, standalone: Int?, line: Int) throws {
        for (index, token) in zip(tokens.indices, tokens) {
            try add(token, position: index == standalone ? .ownLine("") : .inline, line: line)
        }
    }

    /// Whether a tag first on its line takes the whitespace before it as indentation rather than text: a parent,
    /// or a block outside a parent.
    private func startsLine(_ token: MustacheToken) -> Bool {
        token.tagKind == .parent || (token.tagKind == .block && frames.last?.isParent == false)
    }

    /// The index of the line's standalone tag: the last thing on it, with only whitespace before it, or only the
    /// ignored inside of a parent (whose own tag has only whitespace before it).
    private func standaloneTag(in tokens: [MustacheToken]) -> Int? {
        guard let last = tokens.lastIndex(where: { !$0.isWhitespace && $0.kind != .lineBreak }),
            let kind = tokens[last].tagKind, kind.canStandAlone
        else { return nil }
        var enclosing: [(isParent: Bool, index: Int?)] = frames.map { ($0.isParent, nil) }
        for (index, token) in zip(tokens.indices, tokens[..<last]) {
            guard let kind = token.tagKind else { continue }
            if kind.opens { enclosing.append((kind == .parent, index)) }
            if kind == .close, enclosing.count > 1 { enclosing.removeLast() }
        }
        if kind == .block || kind == .close, let parent = enclosing.last, parent.isParent {
            return tokens[..<(parent.index ?? 0)].allSatisfy(\.isWhitespace) ? last : nil
        }
        return tokens[..<last].allSatisfy(\.isWhitespace) ? last : nil
    }

    private mutating func add(_ token: MustacheToken, position: TagPosition, line: Int) throws {
        guard let kind = token.tagKind else {
            append(.text(token.content))
            return
        }
        let inParent = frames[frames.count - 1].isParent
        if inParent, ![.block, .close, .comment, .delimiters].contains(kind) {
            throw TemplateSyntaxError.contentInParent(token.source, line: token.line, parent: frames.last!.open!.source)
        }
        if kind.opens, frames.count > Self.nestingLimit {
            throw TemplateSyntaxError.nestedTooDeep(token.source, line: token.line, limit: Self.nestingLimit)
        }
        switch kind {
        case .comment, .delimiters:
            break
        case .value, .unescaped:
            append(.value(Self.path(token.content), escaped: kind == .value))
        case .partial:
            guard case .ownLine(let indentation) = position else {
                append(.partial(token.content, .inline, line: token.line))
                return
            }
            append(.partial(token.content, .indented(indentation), line: token.line))
        case .section, .inverted:
            frames.append(Frame(open: token))
        case .parent:
            frames.append(Frame(open: token, placement: position.placement))
        case .block where inParent:
            var frame = Frame(open: token, isOverride: true)
            if case .ownLine = position {
                frame.strip = max(0, leadingWhitespace(ofLine: line + 1).count - totalStrip)
            } else {
                frame.nodes = [.lineStart]
            }
            frames.append(frame)
        case .block:
            frames.append(Frame(open: token, blockPlacement: blockPlacement(position, line: line)))
        case .close:
            try close(token)
        }
    }

    private mutating func close(_ token: MustacheToken) throws {
        guard frames.count > 1, let open = frames.last?.open else {
            throw TemplateSyntaxError.strayClose(token.source, line: token.line)
        }
        guard open.content == token.content else {
            throw TemplateSyntaxError.mismatchedClose(
                token.source, line: token.line, open: open.source, openLine: open.line)
        }
        let frame = frames.removeLast()
        let name = open.content
        switch open.tagKind {
        case .section:
            append(.section(Self.path(name), frame.nodes))
        case .inverted:
            append(.invertedSection(Self.path(name), frame.nodes))
        case .parent:
            append(.parent(name, frame.placement, overrides: frame.overrides, line: open.line))
        case .block where frame.isOverride:
            frames[frames.count - 1].overrides[name] = frame.nodes.droppingTrailingLineStart
        default:
            append(.block(name, frame.blockPlacement, default: frame.nodes))
        }
    }

    /// A block alone on its line indents an override like the line after it (its default's first line).
    private func blockPlacement(_ position: TagPosition, line: Int) -> BlockPlacement {
        switch position {
        case .inline: return .inline
        case .lineStart(let indentation): return .indented(indentation)
        case .ownLine: return .ownLine(String(leadingWhitespace(ofLine: line + 1).dropFirst(totalStrip)))
        }
    }

    /// Takes back the line start just added: the line's tag indents what it includes itself, or the line goes.
    private mutating func removeLineStart() {
        if frames[frames.count - 1].nodes.last == .lineStart { frames[frames.count - 1].nodes.removeLast() }
    }

    /// Adds a node to the innermost section, block or template; the inside of a parent keeps only its blocks.
    private mutating func append(_ node: TemplateNode) {
        guard !frames[frames.count - 1].isParent else { return }
        if case .text(let text) = node, case .text(let previous) = frames[frames.count - 1].nodes.last {
            frames[frames.count - 1].nodes[frames[frames.count - 1].nodes.count - 1] = .text(previous + text)
        } else {
            frames[frames.count - 1].nodes.append(node)
        }
    }

    private var totalStrip: Int { frames.map(\.strip).reduce(0, +) }

    /// The spaces and tabs a line starts with.
    private func leadingWhitespace(ofLine index: Int) -> String {
        guard lines.indices.contains(index) else { return "" }
        var whitespace = ""
        for token in lines[index] {
            guard token.kind == .text else { break }
            let prefix = token.content.prefix(while: { $0 == " " || $0 == "\t" })
            whitespace += prefix
            if prefix.count < token.content.count { break }
        }
        return whitespace
    }

    /// Removes up to `count` spaces and tabs from the start of a line.
    private static func removeIndentation(_ count: Int, from tokens: inout [MustacheToken]) {
        var remaining = count
        var index = 0
        while remaining > 0, index < tokens.count, tokens[index].kind == .text {
            let prefix = tokens[index].content.prefix(while: { $0 == " " || $0 == "\t" }).prefix(remaining)
            remaining -= prefix.count
            tokens[index].content.removeFirst(prefix.count)
            if !tokens[index].content.isEmpty { break }
            index += 1
        }
    }

    private static func path(_ name: String) -> ValuePath {
        name == "." ? .current : .keys(name.split(separator: ".").map(String.init))
    }
}

extension [TemplateNode] {
    /// Without a line start at the very end, which would indent an empty last line.
    var droppingTrailingLineStart: [TemplateNode] {
        last == .lineStart ? Array(dropLast()) : self
    }
}
