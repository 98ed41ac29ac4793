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

    /// Builds once, then serves and watches until the task is cancelled. Cancelling ends the pages' event streams,
    /// so open tabs do not hold the server up. `onReady` is called once the server listens.
    /// - Throws: when `siteFolder` holds no site (no `content/site.yml`): there is nothing to preview, so nothing is
    ///   served. A site whose first build fails is served with the error over every page, to be fixed live.
    package func run(onReady: @escaping @Sendable () -> Void = {}) async throws {
        guard SiteConfig.exists(in: options.siteFolder) else { throw SiteConfig.notFound(in: options.siteFolder) }
        let reload = LiveReload()
        let builder = PreviewBuilder(options: options.buildOptions, log: log, reload: reload)
        let watcher = Watcher(folders: options.watchedFolders, log: log)
        defer { watcher.stop() }
        await builder.build()

        var logger = Logger(label: "evident.serve")
        logger.logLevel = .critical
        let responder = PreviewResponder(
            files: StaticFiles(root: options.outputFolder), reload: reload,
            hosts: AllowedHosts(listeningOn: options.host))
        let server = Application(
            responder: responder, server: PreviewChannel.builder,
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port),
                availableConnectionsDelegate: .maximum(ConnectionBudget.current, logger: logger)),
            onServerRunning: { _ in onReady() }, logger: logger)
        let rebuilds = ClosureService {
            await watcher.watch { await builder.build() }
            reload.close()
        }
        let heartbeats = ClosureService { await reload.sendHeartbeats(every: ReloadEvents.heartbeat) }
        let group = ServiceGroup(services: [server, rebuilds, heartbeats], logger: logger)
        do {
            try await group.run()
        } catch {
            throw ListenError.error(error, host: options.host, port: options.port)
        }
    }
}
