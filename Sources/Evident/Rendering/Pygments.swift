import Foundation

/// One batch call to Pygments in the site's Python: a JSON list of (language, code) in, HTML spans out.
enum Pygments {
    /// The HTML spans of each block (nil where Pygments has no lexer), or nil with a warning when Pygments cannot
    /// run, in which case code stays plain and escaped.
    static func highlight(_ blocks: [(language: String, code: String)], python: String, log: Log) -> [String?]? {
        // Pygments is single-threaded: a large batch is split into one contiguous part per core, each highlighted
        // by its own process, and the replies are joined in input order (so output does not depend on the split).
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, blocks.count / minimumBlocksPerProcess)
        guard parts > 1 else {
            return highlightInOneProcess(blocks, python: python) ?? unavailable(python: python, log: log)
        }
        let bounds = (0...parts).map { $0 * blocks.count / parts }
        let replies =
            (try? ParallelMap.map(Array(0..<parts)) { part in
                highlightInOneProcess(Array(blocks[bounds[part]..<bounds[part + 1]]), python: python)
            }) ?? []
        var spans: [String?] = []
        spans.reserveCapacity(blocks.count)
        for reply in replies {
            guard let reply else { return unavailable(python: python, log: log) }
            spans += reply
        }
        return spans
    }

    /// Below this many blocks per process, starting another Python costs more than it saves.
    private static let minimumBlocksPerProcess = 100

    private static func unavailable(python: String, log: Log) -> [String?]? {
        log.warning("code blocks are not highlighted: Pygments is not available to \(python) (run `make bootstrap`)")
        return nil
    }

    private static func highlightInOneProcess(_ blocks: [(language: String, code: String)], python: String)
        -> [String?]?
    {
        let request = blocks.map { ["language": $0.language, "code": $0.code] }
        guard let input = try? JSONSerialization.data(withJSONObject: request) else { return nil }
        let environment = Subprocess.cleanEnvironment(adding: ["PYTHONIOENCODING": "utf-8"])
        let process = Subprocess(
            [python, "-c", script], environment: environment, input: .bytes(input), timeout: .seconds(120),
            stdoutLimit: 1 << 30)
        guard let result = try? process.run(), result.succeeded,
            let reply = try? JSONSerialization.jsonObject(with: result.stdout) as? [String: Any],
            let spans = reply["html"] as? [Any], spans.count == blocks.count
        else { return nil }
        return spans.map { $0 as? String }
    }

    private static let script = """
        import json, sys
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import get_lexer_by_name
        from pygments.util import ClassNotFound

        formatter = HtmlFormatter(nowrap=True)
        spans = []
        for block in json.load(sys.stdin):
            try:
                lexer = get_lexer_by_name(block["language"], stripnl=False, ensurenl=False)
            except ClassNotFound:
                spans.append(None)
                continue
            spans.append(highlight(block["code"], lexer, formatter))
        json.dump({"html": spans}, sys.stdout)
        """
}
