import Foundation

/// One batch call to Pygments in the site's Python: a JSON list of (language, code) in, HTML spans out.
enum Pygments {
    /// The HTML spans of each block (nil where Pygments has no lexer), or nil with a warning when Pygments cannot
    /// run, in which case code stays plain and escaped.
    static func highlight(_ blocks: [(language: String, code: String)], python: String, log: Log) -> [String?]? {
        let request = blocks.map { ["language": $0.language, "code": $0.code] }
        guard let input = try? JSONSerialization.data(withJSONObject: request) else { return nil }
        let environment = Subprocess.cleanEnvironment(adding: ["PYTHONIOENCODING": "utf-8"])
        let process = Subprocess(
            [python, "-c", script], environment: environment, input: .bytes(input), timeout: .seconds(120),
            stdoutLimit: 1 << 30)
        guard let result = try? process.run(), result.succeeded,
            let reply = try? JSONSerialization.jsonObject(with: result.stdout) as? [String: Any],
            let spans = reply["html"] as? [Any], spans.count == blocks.count
        else {
            log.warning(
                "code blocks are not highlighted: Pygments is not available to \(python) (run `make bootstrap`)")
            return nil
        }
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
