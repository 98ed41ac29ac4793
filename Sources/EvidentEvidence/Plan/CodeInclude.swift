import EvidentCore
import Foundation

/// An `include` block: a fenced block whose info string is `include` and whose one line names a file a directive
/// of the essay runs, optionally with an anchor, `experiments/sleeps.py#variants`. It renders the exact lines of
/// the file between the comment lines `ANCHOR: variants` and `ANCHOR_END: variants` (mdBook's markers; every marker
/// line is left out), or the whole file without an anchor.
///
/// Only a file some directive runs may be included: its bytes are then part of that directive's evidence key, so
/// a build whose stored evidence is fresh shows the code that was measured, and a frozen build whose key no longer
/// matches refuses to show it (`checkMeasured`).
package struct CodeInclude: Sendable, Equatable {
    /// The info string that makes a fenced block an include.
    package static let infoString = "include"

    /// The file, relative to the essay folder.
    package var path: String
    /// The anchor named after `#`, nil for the whole file.
    package var anchor: String?
    /// The 1-based lines of the file from the first line shown to the last.
    package var lines: ClosedRange<Int>
    /// The lines shown, each ending with a newline.
    package var text: String
    /// The ids of the directives that run the file, in essay order.
    package var directives: [String]
    /// The essay and the line of the opening fence.
    package var location: SourceLocation

    /// Reads the block `literal` at `location`: its file must be one `directives` run, and its anchor must mark
    /// lines of it.
    ///
    /// - Throws: `EvidentError` (`.input`, at `location`) for a body that is not one path, a path that breaks the
    ///   rule of `ContainedFile` or that no directive runs, an unknown or unclosed anchor, or an empty excerpt.
    static func read(
        _ literal: String, at location: SourceLocation, essayFolder: URL, directives: [CheckedDirective]
    ) throws -> CodeInclude {
        let lines = literal.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        guard lines.count == 1, let target = lines.first, !target.contains(" ") else {
            throw EvidentError(
                .input, at: location, "an include block names one file, not \(lines.isEmpty ? "nothing" : "this")",
                fix: "write one line: the file and, after `#`, the anchor of the lines to show "
                    + "(`experiments/x.py#setup`)")
        }
        let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let anchor = parts.count == 2 ? String(parts[1]) : nil
        let path = try DirectivePath.resolve(String(parts[0]), at: location, in: essayFolder)
        let runners = directives.filter { $0.sources.contains(path) }.map(\.id)
        guard !runners.isEmpty else {
            let known = Set(directives.flatMap(\.sources)).sorted()
            throw EvidentError(
                .input, at: location,
                "`\(path)` is not a file a directive of this essay runs, so no stored evidence covers what it shows",
                fix: known.isEmpty
                    ? "include a file that a bench or probe of this essay runs"
                    : EditDistance.suggestion(for: path, among: known, noun: "files the directives run"))
        }
        guard let bytes = try UserFile.read(essayFolder.appendingPathComponent(path).path, at: location) else {
            throw EvidentError(.input, at: location, "cannot read `\(path)`", fix: "check that it is readable")
        }
        let file = String(decoding: bytes, as: UTF8.self)
        let excerpt = try IncludeAnchors(file, path: path, location: location).excerpt(anchor)
        return CodeInclude(
            path: path, anchor: anchor, lines: excerpt.lines, text: excerpt.text, directives: runners,
            location: location)
    }
}

extension CodeInclude {
    /// Refuses an include whose file changed since a directive that runs it was measured (`stale`, the ids whose
    /// stored key no longer matches under `--frozen`): the evidence key covers the whole file, so the lines shown
    /// may no longer be the lines that ran.
    package func checkMeasured(stale: Set<String>) throws {
        guard let id = directives.first(where: stale.contains) else { return }
        throw EvidentError(
            .input, at: location,
            "the include shows `\(path)`, which changed since `\(id)` was measured, so the page would show code "
                + "other than what ran",
            fix: "run `evident build --refresh \(id)` and commit its evidence, or undo the change to `\(path)`")
    }
}

/// The `ANCHOR: name` and `ANCHOR_END: name` comment lines of a file, and the lines between them.
struct IncludeAnchors {
    private let lines: [Substring]
    private let path: String
    private let location: SourceLocation

    init(_ text: String, path: String, location: SourceLocation) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
        self.path = path
        self.location = location
    }

    /// The lines of `anchor` (the whole file for nil) without any marker line or blank lines around them, and the
    /// file's lines they span.
    func excerpt(_ anchor: String?) throws -> (lines: ClosedRange<Int>, text: String) {
        var range = 0..<lines.count
        if let anchor {
            guard let start = lines.firstIndex(where: { Self.marker($0, "ANCHOR:") == anchor }) else {
                let known = names
                throw EvidentError(
                    .input, at: location, "`\(path)` has no anchor `\(anchor)`",
                    fix: known.isEmpty
                        ? "mark the lines to show with a comment line `ANCHOR: \(anchor)` before them and "
                            + "`ANCHOR_END: \(anchor)` after them"
                        : EditDistance.suggestion(for: anchor, among: known, noun: "anchors"))
            }
            guard let end = lines[(start + 1)...].firstIndex(where: { Self.marker($0, "ANCHOR_END:") == anchor })
            else {
                throw EvidentError(
                    .input, at: location, "the anchor `\(anchor)` on line \(start + 1) of `\(path)` is never closed",
                    fix: "add a comment line `ANCHOR_END: \(anchor)` after the last line to show")
            }
            range = (start + 1)..<end
        }
        let blank = { (index: Int) in lines[index].allSatisfy(\.isWhitespace) }
        let shown = range.filter {
            Self.marker(lines[$0], "ANCHOR:") == nil && Self.marker(lines[$0], "ANCHOR_END:") == nil
        }
        .drop(while: blank).reversed().drop(while: blank).reversed()
        guard let first = shown.first, let last = shown.last else {
            throw EvidentError(
                .input, at: location, "the include of `\(path)`\(anchor.map { "#\($0)" } ?? "") shows no code",
                fix: "put the lines to show between the anchor's two comment lines")
        }
        return ((first + 1)...(last + 1), shown.map { lines[$0] + "\n" }.joined())
    }

    /// Every anchor the file opens, in file order.
    var names: [String] {
        lines.compactMap { Self.marker($0, "ANCHOR:") }
    }

    /// The name after `keyword` on a marker line (`# ANCHOR: setup`, `/* ANCHOR_END: setup */`), nil on another
    /// line. A name is letters, digits, `_` and `-`.
    private static func marker(_ line: Substring, _ keyword: String) -> String? {
        guard let found = line.range(of: keyword) else { return nil }
        // `XANCHOR:` is not a marker.
        if let previous = line[..<found.lowerBound].last, previous.isLetter || previous == "_" { return nil }
        let name = line[found.upperBound...].drop { $0 == " " || $0 == "\t" }.prefix {
            $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-"
        }
        return name.isEmpty ? nil : String(name)
    }
}
