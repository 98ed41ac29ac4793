import EvidentCore
import EvidentSite
import Foundation

/// Builds the site into the preview's folder on a thread of its own, and tells the live-reload channel how it
/// went. A failed build leaves the last good site in place (the build is atomic) and prints its error.
struct PreviewBuilder: Sendable {
    let options: BuildOptions
    let log: Log
    let reload: LiveReload

    func build() async {
        let options = options
        let log = log
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { try SiteBuild(options: options, log: log).run() })
            }
        }
        switch result {
        case .success(let report):
            log.info(report.summary)
            reload.publish(error: nil)
        case .failure(let error):
            let message = String(describing: error)
            Terminal.error("\(message) (still serving the last good build)")
            reload.publish(error: message)
        }
    }
}
