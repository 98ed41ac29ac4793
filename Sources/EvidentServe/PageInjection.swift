import Foundation

/// Adds the live-reload script, and after a failed build the error overlay, to a served HTML page.
///
/// They go before the page's last `</body>` (at the end when there is none), in the response only: the built
/// files on disk are never changed.
enum PageInjection {
    static func inject(into page: Data, status: LiveReload.Status) -> Data {
        let html = String(decoding: page, as: UTF8.self)
        let addition = (status.error.map(ErrorOverlay.html) ?? "") + ReloadEvents.script(generation: status.generation)
        guard let body = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else {
            return Data((html + addition).utf8)
        }
        return Data((html[..<body.lowerBound] + addition + html[body.lowerBound...]).utf8)
    }
}
