import Glibc
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import PodmemCore
import ServiceLifecycle

/// `podmem serve`'s HTTP side, on SwiftNIO's HTTP/1 server (no Foundation, so the one podmem binary stays small
/// for the terminal modes too): `/metrics` and `/healthz` answered from the latest published poll, 404 elsewhere.
/// The listener and the poller run in one service group that stops both gracefully on SIGTERM or SIGINT.
/// No client can exhaust it: `ConnectionLimits` bounds connections, time and unanswered bytes per connection.
public struct MetricsServer: Sendable {
    /// The Prometheus text exposition format, version 0.0.4.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public let address: ListenAddress
    public let poller: ExpositionPoller
    public let limits = ConnectionLimits.standard
    /// `/healthz` answers 503 when the latest poll is older than this: the poller is stuck.
    public let staleAfter: Duration

    public init(address: ListenAddress, poller: ExpositionPoller) {
        self.address = address
        self.poller = poller
        staleAfter = max(poller.interval * 3, .seconds(30))
    }

    /// Polls once, binds, then serves until SIGTERM or SIGINT. `onListening` gets the bound `host:port` (port 0
    /// resolved). An address that cannot be bound (in use, not local, unknown host) is a one-line `CommandFailure`.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        await poller.poll()
        let exposition = poller.exposition
        let staleAfter = staleAfter
        let limits = limits
        let registry = ConnectionRegistry(maxConnections: limits.maxConnections)
        let channel: Channel
        do {
            channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                // A burst of connections (hundreds at once) waits in the kernel's accept queue, up to somaxconn,
                // rather than having SYNs dropped: a dropped SYN delays a scrape's connect by the 1 s retransmit.
                .serverChannelOption(ChannelOptions.backlog, value: 4096)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    // Failing the initializer closes the connection at once.
                    guard registry.admit(channel) else {
                        return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
                    }
                    channel.closeFuture.whenComplete { _ in registry.remove(channel) }
                    return channel.eventLoop.makeCompletedFuture {
                        let connectionGuard = ConnectionGuard(limits: limits, registry: registry)
                        try channel.pipeline.syncOperations.addHandler(connectionGuard)
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(
                            MetricsHTTPHandler(
                                exposition: exposition, staleAfter: staleAfter, connectionGuard: connectionGuard,
                                registry: registry, limits: limits))
                    }
                }
                .bind(host: address.host, port: address.port).get()
        } catch let error as IOError {
            throw CommandFailure("cannot listen on \(address): \(String(cString: strerror(error.errnoCode)))")
        } catch {
            throw CommandFailure("cannot listen on \(address): \(error)")
        }
        let bound = channel.localAddress
        onListening(ListenAddress.format(host: bound?.ipAddress ?? address.host, port: bound?.port ?? address.port))
        // podmem reports its own one-line errors; the service group's logs would only repeat them.
        let quiet = Logger(label: "podmem-serve") { _ in SwiftLogNoOpLogHandler() }
        let services = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: poller), .init(service: Listener(channel: channel))],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: quiet))
        try await services.run()
    }

    /// Keeps the bound channel open until graceful shutdown, then closes it.
    private struct Listener: Service {
        let channel: Channel

        func run() async throws {
            try? await gracefulShutdown()
            try await channel.close()
        }
    }
}
