/// Copies cmark's tree into the final one with the GFM extensions put in, in one walk without recursion: tables
/// in place of the code blocks that held their lines, footnote definitions moved from their list items to the
/// end, inline extensions planned per inline container (`InlinePlanner`).
struct ExtensionPass {
    private let trees: [[MarkdownNode]]
    private let cells: TableCells
    /// The footnote key of each line that starts a definition.
    private var definitionKeys: [Int: String] = [:]
    /// The list item of each footnote key, the first definition of a label winning.
    private var definitionItems: [String: Int] = [:]
    private let planners: [InlinePlanner]
    private var writer: TreeWriter
    private var frames: [(steps: [ExtensionStep], next: Int)] = []
    private var footnotes = FootnoteNumbers()

    init(document: [MarkdownNode], cells: TableCells, definitions: [FootnoteDefinitionLine]) {
        let trees = [document, cells.nodes]
        self.trees = trees
        self.cells = cells
        for definition in definitions { definitionKeys[definition.line] = definition.key }
        for (index, node) in document.enumerated() {
            guard case .item = node.kind, let key = definitionKeys[node.range.startLine] else { continue }
            if definitionItems[key] == nil { definitionItems[key] = index }
        }
        let keys = Set(definitionItems.keys)
        planners = trees.indices.map { InlinePlanner(nodes: trees[$0], tree: $0, footnoteKeys: keys) }
        writer = TreeWriter(capacity: document.count + cells.nodes.count)
    }

    mutating func run() -> [MarkdownNode] {
        frames = [([.node(tree: 0, index: MarkdownDocument.rootIndex, placement: InlinePlacement())], 0)]
        while let last = frames.indices.last {
            guard frames[last].next < frames[last].steps.count else {
                frames.removeLast()
                continue
            }
            let step = frames[last].steps[frames[last].next]
            frames[last].next += 1
            execute(step)
        }
        for (node, references) in footnotes.written {
            guard case .footnoteDefinition(let number, _) = writer.nodes[node].kind else { continue }
            writer.setKind(.footnoteDefinition(number: number, references: references), at: node)
        }
        return writer.nodes
    }

    private mutating func execute(_ step: ExtensionStep) {
        switch step {
        case .node(let tree, let index, let placement):
            write(tree: tree, index, placement)
        case .children(let tree, let index, let placement):
            frames.append((planners[tree].steps(for: index, placement: placement), 0))
        case .open(let kind, let range):
            writer.open(kind, range)
        case .leaf(let kind, let range):
            writer.leaf(kind, range)
        case .close:
            writer.close()
        case .footnoteReference(let key, let range):
            let (number, occurrence) = footnotes.reference(key)
            writer.leaf(.footnoteReference(number: number, occurrence: occurrence), range)
        case .footnotes:
            guard let range = trees[0].last?.range, footnotes.count > 0 else { return }
            writer.open(.footnotes, range)
            frames.append(([.nextFootnote, .close], 0))
        case .nextFootnote:
            guard let (number, key) = footnotes.nextToWrite(), let item = definitionItems[key] else { return }
            let node = writer.open(.footnoteDefinition(number: number, references: 0), trees[0][item].range)
            footnotes.wrote(number: number, at: node)
            let children = trees[0].children(of: item).map {
                ExtensionStep.node(tree: 0, index: $0, placement: .init())
            }
            frames.append((children + [.close, .nextFootnote], 0))
        }
    }

    private mutating func write(tree: Int, _ index: Int, _ placement: InlinePlacement) {
        let node = trees[tree][index]
        if tree == 0 {
            switch node.kind {
            case .codeBlock where cells.tables[node.range.startLine] != nil:
                frames.append((tableSteps(headerLine: node.range.startLine), 0))
                return
            case .item where definitionKeys[node.range.startLine] != nil:
                return
            case .list
            where trees[0].children(of: index).allSatisfy({ definitionKeys[trees[0][$0].range.startLine] != nil }):
                return
            default:
                break
            }
        }
        guard node.subtreeEnd > index + 1 || node.kind == .document else {
            writer.leaf(node.kind, node.range)
            return
        }
        writer.open(node.kind, node.range)
        var steps: [ExtensionStep]
        switch node.kind {
        case .paragraph, .heading, .emphasis, .strong, .link, .image:
            steps = planners[tree].steps(for: index, placement: placement)
        default:
            let children = trees[tree].children(of: index)
            steps = children.enumerated().map { position, child in
                var inner = InlinePlacement()
                if case .item = node.kind, position == 0, case .paragraph = trees[tree][child].kind {
                    inner.mayStartTask = true
                }
                return .node(tree: tree, index: child, placement: inner)
            }
        }
        if node.kind == .document { steps.append(.footnotes) }
        frames.append((steps + [.close], 0))
    }

    /// A table: its rows, and in each cell the inlines of the cell's paragraph.
    private func tableSteps(headerLine: Int) -> [ExtensionStep] {
        guard let table = cells.tables[headerLine], let paragraphs = cells.paragraphs[headerLine] else { return [] }
        let lines = (table.rows.first?.line ?? headerLine, table.rows.last?.line ?? headerLine)
        var steps: [ExtensionStep] = [.open(.table(alignments: table.alignments), Self.range(lines.0, lines.1))]
        for (number, row) in table.rows.enumerated() {
            let range = Self.range(row.line, row.line)
            steps.append(.open(.tableRow(isHeader: number == 0), range))
            for (column, text) in row.cells.enumerated() {
                steps.append(.open(.tableCell(table.alignments[column]), range))
                if let paragraph = paragraphs[number][column] {
                    steps.append(.children(tree: 1, of: paragraph, placement: InlinePlacement()))
                } else {
                    steps.append(.leaf(.text(text), range))
                }
                steps.append(.close)
            }
            steps.append(.close)
        }
        return steps + [.close]
    }

    private static func range(_ start: Int, _ end: Int) -> MarkdownSourceRange {
        MarkdownSourceRange(startLine: start, startColumn: 1, endLine: end, endColumn: 1)
    }
}

/// Numbers footnotes in the order of their first reference and counts the references to each.
struct FootnoteNumbers {
    private var numbers: [String: Int] = [:]
    private var keys: [String] = []
    private var occurrences: [Int] = []
    /// Each written definition's node and number.
    private var nodes: [(node: Int, number: Int)] = []

    var count: Int { keys.count }

    /// Each written definition's node and the number of references to it.
    var written: [(node: Int, references: Int)] {
        nodes.map { ($0.node, occurrences[$0.number - 1]) }
    }

    /// The number of the footnote and which reference to it this is, from 1.
    mutating func reference(_ key: String) -> (number: Int, occurrence: Int) {
        let number: Int
        if let known = numbers[key] {
            number = known
        } else {
            keys.append(key)
            occurrences.append(0)
            number = keys.count
            numbers[key] = number
        }
        occurrences[number - 1] += 1
        return (number, occurrences[number - 1])
    }

    /// The next referenced footnote whose definition is not written yet.
    func nextToWrite() -> (number: Int, key: String)? {
        nodes.count < keys.count ? (nodes.count + 1, keys[nodes.count]) : nil
    }

    mutating func wrote(number: Int, at node: Int) {
        nodes.append((node, number))
    }
}
