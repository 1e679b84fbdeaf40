/// What one client may hold of `podmem serve`: the exporter's port is reachable by every pod of the cluster
/// (unless a NetworkPolicy says otherwise), so no client may grow its memory or keep Prometheus out.
public struct ConnectionLimits: Sendable {
    /// Open connections at most. At the cap a new connection closes the one that has waited longest without a
    /// complete request (an idle keep-alive or a half-sent head); when every one has a request in progress, the
    /// new one is closed at once.
    public var maxConnections: Int
    /// From the first byte of a request to its complete head.
    public var headTimeout: Duration
    /// A connection with no request under way (after accepting it or answering the last one).
    public var idleTimeout: Duration
    /// For the client to take the whole response: while it is unwritten nothing more is read from the connection.
    public var responseTimeout: Duration
    /// Request bytes received and not yet answered: a request head larger than this, or pipelined requests
    /// piling up beyond it, close the connection (431 when nothing else is being answered on it).
    public var maxUnansweredBytes: Int

    public static let standard = ConnectionLimits(
        maxConnections: 256, headTimeout: .seconds(30), idleTimeout: .seconds(60),
        responseTimeout: .seconds(60), maxUnansweredBytes: 8192)
}
