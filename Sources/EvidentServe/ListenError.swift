import EvidentCore
import Foundation
import NIOCore

/// The error for a preview that cannot listen, in words ("cannot listen on 127.0.0.1:8000: address already in
/// use") rather than the socket call NIO describes, with the fix that fits the reason.
enum ListenError {
    static func error(_ error: any Error, host: String, port: Int) -> EvidentError {
        let address = "\(host.contains(":") ? "[\(host)]" : host):\(port)"
        guard let code = (error as? IOError)?.errnoCode else {
            return EvidentError(
                .io, "cannot listen on \(address): \(error)",
                fix: "check the address given with --host, or choose another port with --port")
        }
        let reason = String(cString: strerror(code)).lowercased()
        let fix: String
        switch code {
        case EADDRINUSE:
            let next = port < 65535 ? port + 1 : 8000
            fix =
                "another program (perhaps another `evident serve`) uses the port: stop it, or choose another "
                + "with --port, e.g. --port \(next)"
        case EACCES:
            fix = "ports below 1024 need privileges: choose a higher one with --port"
        case EADDRNOTAVAIL:
            fix = "`\(host)` is not an address of this machine: check --host (127.0.0.1 is the default)"
        default:
            fix = "check the address given with --host, or choose another port with --port"
        }
        return EvidentError(.io, "cannot listen on \(address): \(reason)", fix: fix)
    }
}
