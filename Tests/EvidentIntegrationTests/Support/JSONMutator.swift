import Foundation

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// A JSON document as a tree whose numbers keep their text, so that a mutation can write what no encoder writes
/// (`1e999`, `NaN`, `-0`, `9223372036854775808`).
indirect enum FuzzJSON: Equatable {
    case object([Member])
    case array([FuzzJSON])
    case number(String)
    case string(String)
    case bool(Bool)
    case null

    /// One key and its value; objects keep their order.
    struct Member: Equatable {
        var key: String
        var value: FuzzJSON
    }

    /// One step from a container to a child: an object member or an array element, by position.
    typealias Step = Int

    /// The tree of a value JSONSerialization read.
    init(_ value: Any) {
        switch value {
        case let object as [String: Any]:
            self = .object(object.keys.sorted().map { Member(key: $0, value: FuzzJSON(object[$0]!)) })
        case let array as [Any]:
            self = .array(array.map(FuzzJSON.init))
        case let string as String:
            self = .string(string)
        case let number as NSNumber where String(cString: number.objCType) == "c":
            self = .bool(number.boolValue)
        case let number as NSNumber:
            let double = number.doubleValue
            self = .number(double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : "\(double)")
        default:
            self = .null
        }
    }

    /// The document as JSON text (or what a mutation made of it).
    var text: String {
        switch self {
        case .object(let members):
            return "{" + members.map { "\(Self.quoted($0.key)): \($0.value.text)" }.joined(separator: ", ") + "}"
        case .array(let elements): return "[" + elements.map(\.text).joined(separator: ", ") + "]"
        case .number(let text): return text
        case .string(let text): return Self.quoted(text)
        case .bool(let value): return String(value)
        case .null: return "null"
        }
    }

    /// The path from the root to every node, the root's (empty) first, and whether that node is a number.
    var nodes: [(path: [Step], isNumber: Bool)] {
        var nodes: [(path: [Step], isNumber: Bool)] = []
        var path: [Step] = []
        collect(into: &nodes, path: &path)
        return nodes
    }

    private func collect(into nodes: inout [(path: [Step], isNumber: Bool)], path: inout [Step]) {
        nodes.append((path, isNumber))
        for (index, child) in children.enumerated() {
            path.append(index)
            child.collect(into: &nodes, path: &path)
            path.removeLast()
        }
    }

    /// The tree with the node at `path` replaced by `edit` of it, or removed when `edit` gives nil; unchanged when
    /// an earlier mutation took the path away.
    func replacing(at path: [Step], _ edit: (FuzzJSON) -> FuzzJSON?) -> FuzzJSON? {
        guard let first = path.first else { return edit(self) }
        guard first < children.count else { return self }
        let replaced = children[first].replacing(at: Array(path.dropFirst()), edit)
        switch self {
        case .object(var members):
            if let replaced { members[first].value = replaced } else { members.remove(at: first) }
            return .object(members)
        case .array(var elements):
            if let replaced { elements[first] = replaced } else { elements.remove(at: first) }
            return .array(elements)
        default:
            return self
        }
    }

    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    private var children: [FuzzJSON] {
        switch self {
        case .object(let members): return members.map(\.value)
        case .array(let elements): return elements
        default: return []
        }
    }

    private static func quoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value < 0x20: quoted += String(format: "\\u%04x", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}

/// A valid document to mutate, with its text and the paths to its nodes found once.
struct JSONSeed {
    let tree: FuzzJSON
    let text: String
    let paths: [[FuzzJSON.Step]]
    let numberPaths: [[FuzzJSON.Step]]

    init(_ tree: FuzzJSON) {
        self.tree = tree
        text = tree.text
        let nodes = tree.nodes
        paths = nodes.map(\.path)
        numberPaths = nodes.filter(\.isNumber).map(\.path)
    }
}

/// Seeded mutations of an evidence file: numbers set to extremes or to what JSON cannot hold, strings that look
/// like numbers, arrays emptied or cut, keys dropped or added, values of another type, the text cut short.
struct JSONMutator {
    private var random: SplitMix64

    private static let numbers = [
        "0", "-0", "-1", "0.5", "2", "6", "1e-310", "5e-324", "4e-325", "-1e-310", "1e300", "1e301", "1e308",
        "-1e308", "1.7976931348623157e308", "1e309", "1e999", "-1e999", "NaN", "Infinity", "-Infinity",
        "9007199254740993", "1000000000000", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
    ]
    private static let strings = ["", "NaN", "inf", "1e999", "-1", "wall_ns", "a", "b", "holds", "fz", "pr", "x"]

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// `seed` after one to three mutations, at nodes of the seed (a number more often than not); now and then its
    /// text is cut short instead.
    mutating func mutate(_ seed: JSONSeed) -> String {
        var tree = seed.tree
        for _ in 0...pick(2) {
            let numbers = seed.numberPaths
            let path =
                pick(10) < 6 && !numbers.isEmpty ? numbers[pick(numbers.count)] : seed.paths[pick(seed.paths.count)]
            tree = tree.replacing(at: path) { self.edit($0) } ?? .null
        }
        let text = tree.text
        guard pick(40) == 0 else { return text }
        return String(text.prefix(pick(text.count)))
    }

    /// A changed node, or nil to remove it.
    private mutating func edit(_ node: FuzzJSON) -> FuzzJSON? {
        switch (node, pick(8)) {
        case (.number, 0..<5): return .number(Self.numbers[pick(Self.numbers.count)])
        case (.string, 0..<3): return .string(Self.strings[pick(Self.strings.count)])
        case (.array(let elements), 0..<5) where !elements.isEmpty:
            switch pick(4) {
            case 0: return .array([])
            case 1: return .array(elements + [elements[pick(elements.count)]])
            case 2: return .array(elements + [.number(Self.numbers[pick(Self.numbers.count)])])
            default: return nil
            }
        case (.object(var members), 0..<5) where !members.isEmpty:
            if pick(3) == 0 {
                members.append(FuzzJSON.Member(key: Self.strings[pick(Self.strings.count)], value: .number("1")))
            } else {
                members.remove(at: pick(members.count))
            }
            return .object(members)
        default:
            let swaps: [FuzzJSON] = [
                .string("1"), .null, .bool(true), .array([]), .object([]), .number("1"), .array([.number("1")]),
            ]
            return pick(10) == 0 ? nil : swaps[pick(swaps.count)]
        }
    }

    private mutating func pick(_ bound: Int) -> Int {
        bound <= 0 ? 0 : random.next(below: bound)
    }
}
