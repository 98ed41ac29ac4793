import EvidentCore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `evident serve`: builds the site into a private folder, serves it, rebuilds when its sources change, and
/// reloads open pages.
package struct PreviewServer: Sendable {
    var options: PreviewOptions
    var log: Log

    package init(options: PreviewOptions, log: Log) {
        self.options = options
        self.log = log
    }

    /// Builds once, then serves and watches until the task is cancelled or, with `stopOnSignals`, until SIGINT
    /// or SIGTERM. A graceful stop ends the pages' event streams first, so open tabs do not hold the server up.
    /// `onReady` is called once the server listens.
    package func run(stopOnSignals: Bool = false, onReady: @escaping @Sendable () -> Void = {}) async throws {
        let reload = LiveReload()
        let builder = PreviewBuilder(options: options.buildOptions, log: log, reload: reload)
        let watcher = Watcher(folders: options.watchedFolders)
        let sources = watcher.snapshot()
        await builder.build()

        var logger = Logger(label: "evident.serve")
        logger.logLevel = .critical
        let responder = PreviewResponder(files: StaticFiles(root: options.outputFolder), reload: reload)
        let server = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port)),
            onServerRunning: { _ in onReady() }, logger: logger)
        let rebuilds = ClosureService {
            try? await cancelWhenGracefulShutdown { try await watcher.watch(since: sources) { await builder.build() } }
            reload.close()
        }
        let group = ServiceGroup(
            services: [server, rebuilds], gracefulShutdownSignals: stopOnSignals ? [.sigint, .sigterm] : [],
            logger: logger)
        do {
            try await group.run()
        } catch {
            throw EvidentError(
                .io, "cannot serve on \(options.host):\(options.port): \(error)",
                fix: "stop the program using that port or choose another with --port")
        }
    }
}
