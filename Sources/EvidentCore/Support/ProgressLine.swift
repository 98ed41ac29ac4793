/// A progress line made of parts, so that a narrow terminal can drop the least important ones before cutting the
/// text, as cargo and hyperfine keep their progress on one line: `await-loop: gather at n=100 · 24–40 samples ·
/// ±4.1% (target ±3.0%) · 8.2 s of 30.0 s · about 12.0 s left`.
package struct ProgressLine: Sendable, Equatable {
    /// One part of the line.
    package struct Part: Sendable, Equatable {
        package var text: String
        /// Written before the part (nothing before the first): ` · ` between fields, a space inside one.
        package var separator: String
        /// Parts go lowest rank first when the line is too wide; nil: never dropped.
        package var dropRank: Int?

        package init(_ text: String, after separator: String = " · ", dropRank: Int? = nil) {
            self.text = text
            self.separator = separator
            self.dropRank = dropRank
        }
    }

    package var parts: [Part]

    package init(_ parts: [Part]) {
        self.parts = parts
    }

    /// The whole line, for output that is not a terminal.
    package var text: String { Self.join(parts) }

    /// The line in at most `columns` characters: parts dropped by rank, then the first part (the directive and its
    /// cell) shortened with "…" while the rest fits beside it, else the whole line cut with "…".
    package func fitted(to columns: Int) -> String {
        var kept = parts
        var line = Self.join(kept)
        for rank in Set(parts.compactMap(\.dropRank)).sorted() where line.count > columns {
            kept.removeAll { $0.dropRank == rank }
            line = Self.join(kept)
        }
        guard line.count > columns, columns > 0 else { return line }
        let rest = Self.join([Part("")] + kept.dropFirst())
        let room = columns - rest.count - 1
        if let head = kept.first, room >= min(12, head.text.count) {
            return head.text.prefix(room) + "…" + rest
        }
        return line.prefix(columns - 1) + "…"
    }

    private static func join(_ parts: [Part]) -> String {
        parts.enumerated().map { $0 == 0 ? $1.text : $1.separator + $1.text }.joined()
    }
}
