import Glibc
import Hummingbird
import Logging
import NIOCore
import PodmemCore

/// `podmem serve`'s HTTP side: `/metrics` and `/healthz` answered from the latest published poll, 404 elsewhere.
/// The server and the poller run in one service group that stops both gracefully on SIGTERM or SIGINT.
public struct MetricsServer: Sendable {
    /// The Prometheus text exposition format, version 0.0.4.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public let address: ListenAddress
    public let poller: ExpositionPoller
    /// `/healthz` answers 503 when the latest poll is older than this: the poller is stuck.
    public let staleAfter: Duration

    public init(address: ListenAddress, poller: ExpositionPoller) {
        self.address = address
        self.poller = poller
        staleAfter = max(poller.interval * 3, .seconds(30))
    }

    /// Polls once, then serves until SIGTERM or SIGINT. `onListening` gets the bound `host:port` (port 0 resolved).
    /// An address that cannot be bound (in use, not local, unknown host) is a one-line `SetupError`.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        await poller.poll()
        let exposition = poller.exposition
        let staleAfter = staleAfter
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            guard let latest = exposition.current else { return Response(status: .serviceUnavailable) }
            return Response(status: .ok, headers: [.contentType: Self.contentType], body: ResponseBody(byteBuffer: latest.bytes))
        }
        router.get("healthz") { _, _ -> Response in
            guard let latest = exposition.current else { return Self.text(.serviceUnavailable, "no poll yet\n") }
            let age = ContinuousClock.now - latest.at
            return age > staleAfter ? Self.text(.serviceUnavailable, "stale: last poll \(age) ago\n") : Self.text(.ok, "ok\n")
        }
        // podmem reports its own one-line errors; the server's logs would only repeat them on stdout.
        let quiet = Logger(label: "podmem-serve") { _ in SwiftLogNoOpLogHandler() }
        let app = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port)),
            services: [poller],
            onServerRunning: { channel in
                let bound = channel.localAddress
                onListening(ListenAddress.format(host: bound?.ipAddress ?? address.host, port: bound?.port ?? address.port))
            },
            logger: quiet)
        do {
            try await app.runService()
        } catch let error as IOError {
            throw SetupError("cannot listen on \(address): \(String(cString: strerror(error.errnoCode)))")
        } catch {
            throw SetupError("cannot listen on \(address): \(error)")
        }
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
