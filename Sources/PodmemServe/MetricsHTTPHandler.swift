import NIOCore
import NIOHTTP1

/// Answers one connection's requests from the latest published poll: `/metrics` (the exposition), `/healthz`
/// (503 before the first poll and when the poller is stuck), 404 for any other path, 405 for methods other than
/// GET and HEAD. Runs on the connection's event loop; nothing here reads cgroups or waits for a poll.
final class MetricsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let exposition: LatestExposition
    private let staleAfter: Duration
    private var request: HTTPRequestHead?

    init(exposition: LatestExposition, staleAfter: Duration) {
        self.exposition = exposition
        self.staleAfter = staleAfter
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): request = head
        case .body: break
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let (status, contentType, body) = answer(head)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: "\(body.readableBytes)")
        if !head.isKeepAlive { headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if head.method != .HEAD { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        if !head.isKeepAlive {
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.futureResult.whenComplete { _ in bound.value.close(promise: nil) }
        }
    }

    private func answer(_ head: HTTPRequestHead) -> (HTTPResponseStatus, String, ByteBuffer) {
        let text = "text/plain; charset=utf-8"
        guard head.method == .GET || head.method == .HEAD else { return (.methodNotAllowed, text, ByteBuffer(string: "GET or HEAD only\n")) }
        switch head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" {
        case "/metrics":
            guard let latest = exposition.current else { return (.serviceUnavailable, text, ByteBuffer(string: "no poll yet\n")) }
            return (.ok, MetricsServer.contentType, latest.bytes)
        case "/healthz":
            guard let latest = exposition.current else { return (.serviceUnavailable, text, ByteBuffer(string: "no poll yet\n")) }
            let age = ContinuousClock.now - latest.at
            return age > staleAfter ? (.serviceUnavailable, text, ByteBuffer(string: "stale: last poll \(age) ago\n"))
                : (.ok, text, ByteBuffer(string: "ok\n"))
        default:
            return (.notFound, text, ByteBuffer(string: "not found: podmem serves /metrics and /healthz\n"))
        }
    }
}
