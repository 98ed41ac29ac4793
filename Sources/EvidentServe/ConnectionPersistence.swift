import NIOCore
import NIOHTTP1

/// Keeps a connection open after a response only when the request asked for it: an HTTP/1.0 request without
/// `Connection: keep-alive`, or any request with `Connection: close`, gets its connection closed after the
/// response, which says so.
///
/// It sits in front of the conversion to version-independent HTTP types, where the request's version is still
/// known, and marks such requests with the plain `Connection: close` that the server's connection loop acts on.
final class ConnectionPersistence: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// The requests still to be answered, in order: whether each keeps the connection, and its version.
    private var pending: [(keepAlive: Bool, version: HTTPVersion)] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        let keepAlive = head.isKeepAlive
        pending.append((keepAlive, head.version))
        if !keepAlive { head.headers.replaceOrAdd(name: "connection", value: "close") }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data), head.status.code >= 200, !pending.isEmpty else {
            context.write(data, promise: promise)
            return
        }
        let request = pending.removeFirst()
        if !request.keepAlive {
            head.headers.replaceOrAdd(name: "connection", value: "close")
        } else if request.version == .http1_0 {
            head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
        }
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }
}
