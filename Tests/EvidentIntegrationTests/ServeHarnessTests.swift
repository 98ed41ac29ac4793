import EvidentTestSupport
import Foundation
import Glibc
import XCTest

@testable import EvidentCore
@testable import EvidentServe

/// A preview server on a free loopback port, running in the test process on a copy of a fixture site, and the
/// raw-socket HTTP client the serve tests talk to it with (raw, so that paths reach the server unnormalized).
final class ServeHarness: @unchecked Sendable {
    let site: FixtureSite
    let port: Int
    private let task: Task<Void, Error>

    var output: URL { PreviewOptions(siteFolder: site.folder).outputFolder }

    /// Builds the fixture and waits until the server listens.
    init(_ fixture: String = "sites/basic") async throws {
        site = try FixtureSite(fixture)
        port = try RawHTTP.freePort()
        var options = PreviewOptions(siteFolder: site.folder)
        options.port = port
        let (ready, signal) = AsyncStream.makeStream(of: Void.self)
        task = Task { try await PreviewServer(options: options, log: .silent).run(onReady: { signal.yield() }) }
        for await _ in ready { break }
    }

    func stop() async {
        task.cancel()
        _ = await task.result
        site.remove()
    }
}

/// A minimal HTTP/1.1 client over a blocking loopback socket.
enum RawHTTP {
    /// A response: status, headers (names lower-cased) and the body as received.
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A port that was free a moment ago.
    static func freePort() throws -> Int {
        let socket = try connectedSocket(port: nil)
        defer { close(socket) }
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Sends one request with `Connection: close` and reads the whole response.
    static func request(
        _ port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:]
    ) throws -> Reply {
        let socket = try open(
            port, target, method: method, headers: headers.merging(["Connection": "close"]) { a, _ in a })
        defer { close(socket) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            data.append(contentsOf: buffer[..<count])
        }
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no response head") }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        return Reply(status: status, headers: fields, body: Data(data[end.upperBound...]))
    }

    /// An open event stream: `next` returns the data of each `build` event as it arrives.
    final class Events {
        private let socket: Int32
        private var received = ""

        init(_ port: Int) throws {
            socket = try RawHTTP.open(
                port, "/__evident/reload", method: "GET", headers: ["Accept": "text/event-stream"])
        }

        deinit { close(socket) }

        /// The next build generation, or nil when none arrives within `timeout` seconds.
        func next(timeout: Double) -> String? {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                if let event = received.range(of: "event: build\ndata: "),
                    let end = received[event.upperBound...].firstIndex(of: "\n")
                {
                    defer { received = String(received[end...]) }
                    return String(received[event.upperBound..<end])
                }
                let remaining = deadline.timeIntervalSinceNow
                guard remaining > 0 else { return nil }
                var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, Int32(remaining * 1000)) > 0 else { return nil }
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(socket, &buffer, buffer.count)
                guard count > 0 else { return nil }
                received += String(decoding: buffer[..<count], as: UTF8.self)
            }
        }
    }

    fileprivate static func open(_ port: Int, _ target: String, method: String, headers: [String: String]) throws
        -> Int32
    {
        let socket = try connectedSocket(port: port)
        var request = "\(method) \(target) HTTP/1.1\r\n"
        if headers["Host"] == nil { request += "Host: 127.0.0.1:\(port)\r\n" }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        guard write(socket, bytes, bytes.count) == bytes.count else {
            close(socket)
            throw Failure(description: "cannot send the request")
        }
        return socket
    }

    /// Sends `raw` as it is and reads until the server closes the connection, or until `wait` seconds pass without
    /// it doing so; what arrived, and whether the connection was closed.
    static func exchange(_ port: Int, _ raw: String, wait: Double) throws -> (reply: Data, closed: Bool) {
        let socket = try connectedSocket(port: port)
        defer { close(socket) }
        let bytes = Array(raw.utf8)
        guard write(socket, bytes, bytes.count) == bytes.count else { throw Failure(description: "cannot send") }
        var reply = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(wait)
        while deadline.timeIntervalSinceNow > 0 {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(deadline.timeIntervalSinceNow * 1000) + 1) > 0 else { break }
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { return (reply, true) }
            reply.append(contentsOf: buffer[..<count])
        }
        return (reply, false)
    }

    /// A TCP socket connected to 127.0.0.1:`port`, or bound to a free loopback port when `port` is nil.
    private static func connectedSocket(port: Int?) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port ?? 0).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                port == nil
                    ? bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    : connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw Failure(description: "cannot reach 127.0.0.1:\(port ?? 0): errno \(errno)")
        }
        return socket
    }
}
