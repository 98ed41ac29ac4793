/// The `Host` names the preview answers: those that reach the address it listens on. A page on another site that
/// rebinds its own name to 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
///
/// Allowed are `localhost`, `127.0.0.1`, `[::1]` and the `--host` given, with or without a port; when the
/// preview listens on every address (`0.0.0.0`, `::`), any IP address too, since no name can be rebound onto an
/// address literal. A request without `Host` (HTTP/1.0) does not come from a browser and is answered.
struct AllowedHosts: Sendable {
    private let names: Set<String>
    private let anyAddress: Bool

    init(listeningOn host: String) {
        let given = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        names = ["localhost", "127.0.0.1", "[::1]", given.lowercased()]
        anyAddress = ["0.0.0.0", "::", "[::]"].contains(host)
    }

    /// Whether a request with this `Host` value (the request's authority) is answered.
    func allows(_ authority: String?) -> Bool {
        guard let authority else { return true }
        guard let name = Self.name(of: authority.lowercased()) else { return false }
        return names.contains(name) || (anyAddress && Self.isAddress(name))
    }

    /// The host part of `name[:port]` or `[v6]:port`, without a trailing dot; nil when malformed.
    private static func name(of authority: String) -> String? {
        var host = Substring(authority)
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[...close]
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
        }
        let port = authority[host.endIndex...].dropFirst()
        guard !host.isEmpty, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber),
            port.isEmpty == (host.endIndex == authority.endIndex)
        else { return nil }
        return String(host.hasSuffix(".") ? host.dropLast() : host)
    }

    private static func isAddress(_ name: String) -> Bool {
        if name.hasPrefix("[") { return name.hasSuffix("]") }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }
}
