import NIOCore

/// The first handler of every connection, on its raw bytes: the timeouts and the byte bound of
/// `ConnectionLimits`. `MetricsHTTPHandler` tells it when a request head has arrived and when its response has
/// been written; with `HTTPServerPipelineHandler` holding reads while a response is unwritten, a connection holds
/// at most one response and `maxUnansweredBytes` (plus one socket read) of requests.
final class ConnectionGuard: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Phase {
        /// No request under way: the idle timeout runs.
        case waiting
        /// Part of a request head has arrived: the head timeout runs.
        case receivingHead
        /// A request is being answered: the response timeout runs.
        case responding
    }

    private let limits: ConnectionLimits
    private let registry: ConnectionRegistry
    private var context: ChannelHandlerContext?
    private var phase = Phase.waiting
    private var unansweredBytes = 0
    private var deadline: Scheduled<Void>?

    init(limits: ConnectionLimits, registry: ConnectionRegistry) {
        self.limits = limits
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        arm(limits.idleTimeout)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        unansweredBytes += bytes.readableBytes
        guard unansweredBytes <= limits.maxUnansweredBytes else {
            registry.reject(.tooLarge)
            deadline?.cancel()
            if phase == .responding {
                context.close(promise: nil)
            } else {
                // Nothing else is being written on this connection: the response can go straight to the socket.
                let status =
                    "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: status))).assumeIsolated()
                    .whenComplete { _ in context.close(promise: nil) }
            }
            return
        }
        if phase == .waiting {
            phase = .receivingHead
            arm(limits.headTimeout)
        }
        context.fireChannelRead(data)
    }

    /// `MetricsHTTPHandler` got a complete request head.
    func requestReceived() {
        phase = .responding
        unansweredBytes = 0
        arm(limits.responseTimeout)
        if let channel = context?.channel { registry.setWaiting(channel, false) }
    }

    /// `MetricsHTTPHandler` has written a whole response to the socket.
    func responseWritten() {
        phase = .waiting
        arm(limits.idleTimeout)
        if let channel = context?.channel { registry.setWaiting(channel, true) }
    }

    private func arm(_ timeout: Duration) {
        deadline?.cancel()
        guard let context else { return }
        let registry = registry
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
            registry.reject(.timeout)
            context.close(promise: nil)
        }
    }
}
