// Only where XCTest is (a test build): a release build of the package builds this target without it.
#if canImport(XCTest)
    import Foundation
    import XCTest

    /// Rendered output compared as a whole with a file under `Tests/Fixtures/snapshots/`, so that a test shows the
    /// block a reader gets instead of a chain of `contains`. `EVIDENT_RECORD_SNAPSHOTS=1` writes the files anew (the
    /// test then fails for each file it changed, so that a recording is never mistaken for a pass); review them with
    /// `git diff` before committing. A mismatch prints a line diff of the expected file against the output.
    package enum Snapshot {
        /// Whether this run rewrites the snapshots that differ.
        package static let recording = ProcessInfo.processInfo.environment["EVIDENT_RECORD_SNAPSHOTS"] == "1"

        package static let folder = FixtureSite.fixtures.appendingPathComponent("snapshots", isDirectory: true)
    }

    /// Fails unless `actual` equals the file `Tests/Fixtures/snapshots/<name>` (its last line ending in a newline or
    /// not); in record mode, writes `actual` there when it differs.
    package func assertSnapshot(
        _ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let url = Snapshot.folder.appendingPathComponent(name)
        let text = actual.hasSuffix("\n") ? actual : actual + "\n"
        let expected = try? String(contentsOf: url, encoding: .utf8)
        guard expected != text else { return }
        if Snapshot.recording {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
                XCTFail(
                    "recorded snapshots/\(name): check it, then run again without EVIDENT_RECORD_SNAPSHOTS", file: file,
                    line: line)
            } catch {
                XCTFail("cannot record snapshots/\(name): \(error)", file: file, line: line)
            }
        } else if let expected {
            XCTFail(
                "the output differs from snapshots/\(name) (- expected, + actual; EVIDENT_RECORD_SNAPSHOTS=1 records "
                    + "it):\n\(LineDiff(from: expected, to: text))", file: file, line: line)
        } else {
            XCTFail(
                "no snapshots/\(name) yet: run with EVIDENT_RECORD_SNAPSHOTS=1 to record it", file: file, line: line)
        }
    }

    /// Two texts compared line by line: the changed lines marked `-` (only in the first) and `+` (only in the second),
    /// each with two unchanged lines of context, and `…` for the unchanged stretches left out.
    package struct LineDiff: CustomStringConvertible {
        private var lines: [(mark: Character, text: Substring)] = []

        package init(from old: String, to new: String) {
            let before = Self.lines(of: old)
            let after = Self.lines(of: new)
            var removed = Set<Int>()
            var inserted = Set<Int>()
            for change in after.difference(from: before) {
                switch change {
                case .remove(let offset, _, _): removed.insert(offset)
                case .insert(let offset, _, _): inserted.insert(offset)
                }
            }
            var (old, new) = (0, 0)
            while old < before.count || new < after.count {
                if old < before.count, removed.contains(old) {
                    lines.append(("-", before[old]))
                    old += 1
                } else if new < after.count, inserted.contains(new) {
                    lines.append(("+", after[new]))
                    new += 1
                } else {
                    lines.append((" ", before[old]))
                    (old, new) = (old + 1, new + 1)
                }
            }
        }

        /// The lines of `text`, the newline that ends its last line not making one more.
        private static func lines(of text: String) -> [Substring] {
            text.dropLast(text.hasSuffix("\n") ? 1 : 0).split(separator: "\n", omittingEmptySubsequences: false)
        }

        package var description: String {
            let changed = lines.indices.filter { lines[$0].mark != " " }
            guard !changed.isEmpty else { return "" }
            let shown = Set(changed.flatMap { ($0 - 2)...($0 + 2) })
            var text: [String] = []
            for index in lines.indices {
                if shown.contains(index) {
                    text.append("\(lines[index].mark) \(lines[index].text)")
                } else if shown.contains(index - 1) || index == 0 {
                    text.append("…")
                }
            }
            return text.joined(separator: "\n")
        }
    }
#endif
