import NIOCore

/// The exporter's own metrics, written at each scrape after the poll's exposition: how many clients hold it and
/// how many it turned away (see `ConnectionLimits`).
enum ServeMetric: String, CaseIterable {
    case connections = "podmem_serve_connections"
    case connectionsRejectedTotal = "podmem_serve_connections_rejected_total"

    func help(_ limits: ConnectionLimits) -> String {
        switch self {
        case .connections:
            return "Connections open to this exporter now, this scrape's included (at most \(limits.maxConnections))."
        case .connectionsRejectedTotal:
            return
                "Connections podmem serve closed itself since it started, by reason: limit = beyond \(limits.maxConnections) open "
                + "(the new one, or the one that had waited longest without a request); timeout = \(Self.seconds(limits.headTimeout)) "
                + "for a request head, \(Self.seconds(limits.idleTimeout)) without a request, \(Self.seconds(limits.responseTimeout)) "
                + "for the client to take a response; too_large = more than \(limits.maxUnansweredBytes) bytes of request head "
                + "or of unanswered pipelined requests, or a request with a body."
        }
    }

    var type: String { self == .connections ? "gauge" : "counter" }

    /// Both families, from the registry's counts now.
    static func exposition(_ registry: ConnectionRegistry, limits: ConnectionLimits) -> ByteBuffer {
        let (open, rejected) = registry.statistics
        var text = ""
        for metric in allCases {
            text += "# HELP \(metric.rawValue) \(metric.help(limits))\n# TYPE \(metric.rawValue) \(metric.type)\n"
            switch metric {
            case .connections:
                text += "\(metric.rawValue) \(open)\n"
            case .connectionsRejectedTotal:
                for reason in ConnectionRegistry.Reason.allCases {
                    text += "\(metric.rawValue){reason=\"\(reason.rawValue)\"} \(rejected[reason] ?? 0)\n"
                }
            }
        }
        return ByteBuffer(string: text)
    }

    private static func seconds(_ duration: Duration) -> String { "\(duration.components.seconds) s" }
}
