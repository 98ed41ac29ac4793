import EvidentCore
import EvidentSystem
import Foundation

/// Turns code into highlighted HTML spans: Pygments in the site's Python for a build, a stand-in in tests.
package protocol Highlighter {
    /// The HTML spans of each block as UTF-8, nil where the language has no lexer; nil when highlighting is not
    /// available (the code then stays plain and escaped).
    func highlight(_ blocks: [(language: String, code: String)], log: Log) -> [Data?]?
}

/// One batch call to Pygments in the site's Python: a JSON list of (language, code) in, HTML spans out.
package struct Pygments: Highlighter {
    /// The site's Python, which has Pygments installed.
    var python: String

    package init(python: String) {
        self.python = python
    }

    /// The HTML spans of each block as UTF-8 (nil where Pygments has no lexer; slices of the reply, not copies), or
    /// nil with a warning when Pygments cannot run, in which case code stays plain and escaped.
    package func highlight(_ blocks: [(language: String, code: String)], log: Log) -> [Data?]? {
        // Pygments is single-threaded: a large batch is split into one contiguous part per core, each highlighted
        // by its own process, and the replies are joined in input order (so output does not depend on the split).
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, blocks.count / Self.minimumBlocksPerProcess)
        guard parts > 1 else {
            return highlightInOneProcess(blocks) ?? unavailable(log: log)
        }
        let bounds = (0...parts).map { $0 * blocks.count / parts }
        let replies =
            (try? ParallelMap.map(Array(0..<parts)) { part in
                highlightInOneProcess(Array(blocks[bounds[part]..<bounds[part + 1]]))
            }) ?? []
        var spans: [Data?] = []
        spans.reserveCapacity(blocks.count)
        for reply in replies {
            guard let reply else { return unavailable(log: log) }
            spans += reply
        }
        return spans
    }

    /// Below this many blocks per process, starting another Python costs more than it saves.
    private static let minimumBlocksPerProcess = 100

    private func unavailable(log: Log) -> [Data?]? {
        log.warning("code blocks are not highlighted: Pygments is not available to \(python) (run `make bootstrap`)")
        return nil
    }

    private func highlightInOneProcess(_ blocks: [(language: String, code: String)]) -> [Data?]? {
        let request = blocks.map { ["language": $0.language, "code": $0.code] }
        guard let input = try? JSONSerialization.data(withJSONObject: request) else { return nil }
        let environment = Subprocess.cleanEnvironment(adding: ["PYTHONIOENCODING": "utf-8"])
        let process = Subprocess(
            [python, "-c", Self.script], environment: environment, input: .bytes(input), timeout: .seconds(120),
            stdoutLimit: 1 << 30)
        guard let result = try? process.run(), result.succeeded else { return nil }
        return Self.reply(result.stdout, count: blocks.count)
    }

    /// Reads the script's reply: per block, `-` and a newline (no lexer), or the HTML's byte count, a newline and
    /// the HTML. Nil unless it holds exactly `count` blocks.
    private static func reply(_ bytes: Data, count: Int) -> [Data?]? {
        var spans: [Data?] = []
        spans.reserveCapacity(count)
        var position = bytes.startIndex
        while position < bytes.endIndex {
            guard let newline = bytes[position...].firstIndex(of: 10) else { return nil }
            let header = bytes[position..<newline]
            position = newline + 1
            if header.elementsEqual("-".utf8) {
                spans.append(nil)
                continue
            }
            guard let length = Int(String(decoding: header, as: UTF8.self)), length >= 0,
                length <= bytes.endIndex - position
            else { return nil }
            spans.append(bytes[position..<position + length])
            position += length
        }
        return spans.count == count ? spans : nil
    }

    /// Lexers are made once per language (looking one up costs as much as highlighting a short block); the
    /// reply is written as bytes with lengths, so that no JSON is built or parsed for megabytes of HTML.
    private static let script = """
        import json, sys
        from pygments import format as render
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import get_lexer_by_name
        from pygments.util import ClassNotFound

        formatter = HtmlFormatter(nowrap=True)
        lexers = {}
        out = sys.stdout.buffer
        for block in json.load(sys.stdin):
            language = block["language"]
            if language not in lexers:
                try:
                    lexers[language] = get_lexer_by_name(language, stripnl=False, ensurenl=False)
                except ClassNotFound:
                    lexers[language] = None
            lexer = lexers[language]
            if lexer is None:
                out.write(b"-\\n")
                continue
            html = render(lexer.get_tokens(block["code"]), formatter).encode("utf-8", "replace")
            out.write(b"%d\\n" % len(html))
            out.write(html)
        out.flush()
        """
}
