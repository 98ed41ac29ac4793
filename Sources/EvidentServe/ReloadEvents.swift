import Hummingbird

/// The live-reload channel: server-sent events at `/__evident/reload`, and the script that listens to them.
///
/// The stream sends the build generation when a page connects and after every build; the script, served with
/// the generation its page was built for, reloads the page when they differ. So a build that finishes between
/// serving a page and its connecting is not missed. A heartbeat that repeats the generation already sent goes out
/// as a comment line, which pages ignore; when the page has gone, that write fails and ends the stream.
enum ReloadEvents {
    static let path = "/__evident/reload"
    static let heartbeat: Duration = .seconds(2)

    /// The event stream for one open page.
    static func response(_ reload: LiveReload) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        let generations = reload.subscribe()
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            var sent: Int?
            for await generation in generations {
                let event = generation == sent ? ":\n\n" : "event: build\ndata: \(generation)\n\n"
                try await writer.write(ByteBuffer(string: event))
                sent = generation
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// The script added to served pages built at `generation`.
    static func script(generation: Int) -> String {
        """
        <script>(() => {
          const source = new EventSource("\(path)");
          source.addEventListener("build", (event) => {
            if (event.data !== "\(generation)") { source.close(); location.reload(); }
          });
        })();</script>
        """
    }
}
