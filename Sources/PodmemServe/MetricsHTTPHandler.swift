import NIOCore
import NIOHTTP1

/// Answers one connection's requests from the latest published poll: `/metrics` (the exposition, then the
/// exporter's own connection metrics), `/healthz` (503 before the first poll and when the poller is stuck), 404 for
/// any other path, 405 for methods other than GET and HEAD, 413 (and close) for a request with a body. Runs on the
/// connection's event loop; nothing here reads cgroups or waits for a poll.
///
/// A response's end is passed on only once its bytes are in the socket: `HTTPServerPipelineHandler` reads the
/// next request only after that end, so a client that pipelines requests without reading holds one response.
final class MetricsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let exposition: LatestExposition
    private let staleAfter: Duration
    private let connectionGuard: ConnectionGuard
    private let registry: ConnectionRegistry
    private let limits: ConnectionLimits
    private var request: HTTPRequestHead?

    init(
        exposition: LatestExposition, staleAfter: Duration, connectionGuard: ConnectionGuard,
        registry: ConnectionRegistry,
        limits: ConnectionLimits
    ) {
        self.exposition = exposition
        self.staleAfter = staleAfter
        self.connectionGuard = connectionGuard
        self.registry = registry
        self.limits = limits
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            connectionGuard.requestReceived()
            if Self.hasBody(head) {
                registry.reject(.tooLarge)
                respond(
                    to: head,
                    with: (
                        .payloadTooLarge, "text/plain; charset=utf-8",
                        [ByteBuffer(string: "podmem takes no request bodies\n")]
                    ),
                    close: true, context: context)
            } else {
                request = head
            }
        case .body: break
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, with: answer(head), close: !head.isKeepAlive, context: context)
        }
    }

    private static func hasBody(_ head: HTTPRequestHead) -> Bool {
        head.headers.contains(name: "transfer-encoding")
            || head.headers["content-length"].contains { $0.filter { $0 != " " } != "0" }
    }

    private func respond(
        to head: HTTPRequestHead, with reply: (HTTPResponseStatus, String, [ByteBuffer]), close: Bool,
        context: ChannelHandlerContext
    ) {
        let (status, contentType, body) = reply
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: "\(body.reduce(0) { $0 + $1.readableBytes })")
        if close { headers.add(name: "Connection", value: "close") }
        // Writes complete in order: the last one's promise says the whole response is in the socket.
        var written = context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))))
        if head.method != .HEAD {
            for part in body { written = context.write(wrapOutboundOut(.body(.byteBuffer(part)))) }
        }
        context.flush()
        let connectionGuard = connectionGuard
        written.assumeIsolated().whenSuccess {
            context.writeAndFlush(self.wrapOutboundOut(.end(nil))).assumeIsolated().whenSuccess {
                if close { context.close(promise: nil) } else { connectionGuard.responseWritten() }
            }
        }
    }

    private func answer(_ head: HTTPRequestHead) -> (HTTPResponseStatus, String, [ByteBuffer]) {
        let text = "text/plain; charset=utf-8"
        guard head.method == .GET || head.method == .HEAD else {
            return (.methodNotAllowed, text, [ByteBuffer(string: "GET or HEAD only\n")])
        }
        switch head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" {
        case "/metrics":
            guard let latest = exposition.current else {
                return (.serviceUnavailable, text, [ByteBuffer(string: "no poll yet\n")])
            }
            return (.ok, MetricsServer.contentType, [latest.bytes, ServeMetric.exposition(registry, limits: limits)])
        case "/healthz":
            guard let latest = exposition.current else {
                return (.serviceUnavailable, text, [ByteBuffer(string: "no poll yet\n")])
            }
            let age = ContinuousClock.now - latest.at
            return age > staleAfter
                ? (.serviceUnavailable, text, [ByteBuffer(string: "stale: last poll \(age) ago\n")])
                : (.ok, text, [ByteBuffer(string: "ok\n")])
        default:
            return (.notFound, text, [ByteBuffer(string: "not found: podmem serves /metrics and /healthz\n")])
        }
    }
}
