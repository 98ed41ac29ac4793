import ArgumentParser
import EvidentCore
import EvidentServe
import EvidentSystem
import Foundation

/// `evident serve`: a live preview of the site, rebuilt and reloaded in the browser on every save.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it, and rebuild and reload open pages when its sources change.",
        discussion: """
            The preview is built into <site>/.evident-cache/serve/public, never public/. It runs no \
            experiment unless --measure is given: stale evidence is marked on the page.

            Example:
              evident serve --site my-site --port 8080     then open http://127.0.0.1:8080/
              evident serve --drafts                       drafts too, as `evident new` makes them
            """)

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "ADDRESS"))
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8000

    @Flag(help: "Run the experiments whose evidence is missing or stale (by default the preview never measures).")
    var measure = false

    @Flag(help: "Include essays marked `draft: true` (a new draft shows up as soon as it is saved).")
    var drafts = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() throws {
        let log = Terminal.log(quiet: false)
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            log.warning("serving on \(host): other machines on the network can read the preview")
        }
        var options = PreviewOptions(siteFolder: siteOptions.siteFolder)
        options.host = host
        options.port = port
        options.measure = measure
        options.drafts = drafts
        let address = host.contains(":") ? "[\(host)]" : host
        let server = PreviewServer(options: options, log: log)
        let signals = try StopSignals.install()
        let outcome = ServeOutcome()
        let task = Task {
            do {
                try await server.run {
                    print("serving http://\(address):\(port)/ (Ctrl-C stops)")
                    fflush(stdout)
                }
            } catch {
                outcome.error = error
            }
            signals.serverStopped()
        }
        if signals.next() == .signal {
            task.cancel()
            // A second Ctrl-C, or a server that does not stop in time (connections that never finish), ends the
            // process at once: stopping must not depend on the server being able to.
            if signals.next(timeout: Self.stopDeadline) != .serverStopped {
                log.warning("stopped without waiting for the server to close its connections")
                fflush(stdout)
                SignalForwarding.endChildren()
                _exit(0)
            }
        }
        if let error = outcome.error { throw error }
    }

    /// How long the server may take to stop after Ctrl-C or SIGTERM.
    private static let stopDeadline: Duration = .seconds(3)
}

/// How the server task ended, handed back to the synchronous command (read after the task said it stopped).
private final class ServeOutcome: @unchecked Sendable {
    var error: (any Error)?
}
