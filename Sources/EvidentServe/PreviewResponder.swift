import Foundation
import Hummingbird

/// Answers the preview's requests: the live-reload channel, the built site's files with validators, and the
/// site's 404 page. Served HTML gets the live-reload script (and the error overlay after a failed build). A request
/// for a host name that does not reach the preview's address is refused (421).
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let files: StaticFiles
    let reload: LiveReload
    let hosts: AllowedHosts

    private static let fallbackNotFound = StaticFile(
        name: "404.html", contents: Data("<!doctype html><title>Not found</title><body><h1>Not found</h1></body>".utf8),
        modified: Date(timeIntervalSince1970: 0))

    func respond(to request: Request, context: Context) async throws -> Response {
        guard hosts.allows(request.head.authority) else {
            return text(
                .misdirectedRequest,
                "this preview answers only localhost, 127.0.0.1, [::1] and the --host it was given, "
                    + "not the host name in this request\n")
        }
        guard request.method == .get || request.method == .head else {
            var response = text(.methodNotAllowed, "only GET and HEAD\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let response = answer(request)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func answer(_ request: Request) -> Response {
        let path = request.uri.path
        if path == ReloadEvents.path { return ReloadEvents.response(reload) }
        switch files.lookup(path, query: request.uri.query) {
        case .file(let file):
            return serve(file, status: .ok, request: request)
        case .redirect(let location):
            var response = text(.movedPermanently, "moved to \(location)\n")
            response.headers[.location] = location
            return response
        case .notFound:
            return serve(files.notFoundPage() ?? Self.fallbackNotFound, status: .notFound, request: nil)
        case .refused:
            return text(.badRequest, "bad request path\n")
        }
    }

    /// The file's response; `request` is given when a conditional request may be answered with 304.
    private func serve(_ file: StaticFile, status: HTTPResponse.Status, request: Request?) -> Response {
        let type = ContentTypes.type(forFileNamed: file.name)
        var contents = file.contents
        var validators = CacheValidators(size: contents.count, modified: file.modified)
        if ContentTypes.isHTML(type) {
            let state = reload.status
            contents = PageInjection.inject(into: contents, status: state)
            validators = CacheValidators(
                size: file.contents.count, modified: max(file.modified, state.changedAt),
                variant: "g\(state.generation)")
        }
        var headers = HTTPFields()
        headers[.cacheControl] = "no-cache"
        headers[.eTag] = validators.etag
        headers[.lastModified] = validators.lastModifiedHeader
        if let request,
            validators.isNotModified(
                ifNoneMatch: request.headers[.ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince])
        {
            var response = Response(status: .notModified, headers: headers)
            response.headers[.contentLength] = nil
            return response
        }
        headers[.contentType] = type
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: contents)))
    }

    private func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }
}
