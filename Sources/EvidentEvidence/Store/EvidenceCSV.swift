import Foundation

/// The raw data of a record as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted),
/// published as `<id>.csv` beside the page.
///
/// A bench gives one row per sample, `variant,<param names...>,metric,sample_index,round,pair,value`, parameter
/// names sorted, sample indexes from 0 in the order taken, `round` the round whose process took the sample (empty in
/// evidence stored before rounds were kept), `pair` its pair within that process where variants shared it (the
/// rows of other variants with the same round and pair were taken beside it; else empty), every metric's cells one
/// after another. A probe gives one row per
/// tool and snippet, `tool,snippet,works,first_error,exit_status,seconds`.
///
/// A text field that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return: a tool named `=cmd|...`, an error line) gets a `'` in front, as OWASP advises for CSV injection;
/// numbers, negative ones included, stay numbers.
enum EvidenceCSV {
    static func csv(_ record: EvidenceRecord) -> String {
        if let probe = record.probe { return probeCSV(probe) }
        let metrics = [(record.metric, record.cells)] + record.moreMetrics.map { ($0.metric, $0.cells) }
        let names = Set(metrics.flatMap { $0.1.flatMap(\.params.values.keys) }).sorted()
        var rows = [["variant"] + names + ["metric", "sample_index", "round", "pair", "value"]]
        for (metric, cells) in metrics {
            for cell in cells {
                let params = names.map { cell.params.values[$0] ?? "" }
                for (index, value) in cell.samples.enumerated() {
                    let round = cell.rounds.indices.contains(index) ? String(cell.rounds[index]) : ""
                    let pair = cell.pairs.indices.contains(index) ? String(cell.pairs[index]) : ""
                    rows.append([cell.variant] + params + [metric, String(index), round, pair, number(value)])
                }
            }
        }
        return text(rows)
    }

    private static func probeCSV(_ results: [ProbeResult]) -> String {
        let header = ["tool", "snippet", "works", "first_error", "exit_status", "seconds"]
        return text(
            [header]
                + results.map { result in
                    [
                        result.tool, result.snippet, String(result.works), result.firstError ?? "",
                        result.exitStatus.map(String.init) ?? "", number(result.seconds),
                    ]
                })
    }

    /// A whole number without a fraction (`2143210`), anything else in Swift's shortest exact form.
    private static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    private static func text(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func field(_ text: String) -> String {
        let value = startsFormula(text) ? "'" + text : text
        guard value.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a spreadsheet would read `text` as a formula: it starts with one of OWASP's characters and is not a
    /// decimal number (`-1.5`, `+2e-3`).
    private static func startsFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first, "=+-@\t\r".utf8.contains(first) else { return false }
        return text.wholeMatch(of: #/[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/#) == nil
    }
}
