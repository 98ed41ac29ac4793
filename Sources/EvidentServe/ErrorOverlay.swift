/// The failed build's message, shown over every served page until the next good build.
enum ErrorOverlay {
    /// The overlay for a `file:line: what — fix` message, escaped. Every colour is set on the element itself, so
    /// the page's own styles (a light `pre` background) cannot make it unreadable, in light mode or dark.
    static func html(_ message: String) -> String {
        """
        <div id="evident-build-error" role="alert" style="position:fixed;inset:0;z-index:2147483647;\
        overflow:auto;background:rgba(24,24,27,.94);color:#fafafa;font:15px/1.5 ui-monospace,monospace;\
        padding:2rem"><p style="margin:0 0 1rem;color:#f87171;font-weight:bold">The build failed. Fix \
        the error and save: the page reloads. Until then the last good build, if any, is served.</p>\
        <pre style="white-space:pre-wrap;margin:0;padding:0;background:none;color:#fafafa;font:inherit">\(escape(message))</pre></div>
        """
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
