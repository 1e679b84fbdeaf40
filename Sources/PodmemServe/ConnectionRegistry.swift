import NIOConcurrencyHelpers
import NIOCore

/// The open connections of `podmem serve`, across event loops: enforces `ConnectionLimits.maxConnections` and
/// counts the connections podmem closed to protect itself, for `/metrics`.
final class ConnectionRegistry: Sendable {
    /// Why podmem closed a connection itself (the `reason` label of `podmem_serve_connections_rejected_total`).
    enum Reason: String, CaseIterable, Sendable {
        /// Over the connection cap: the new connection, or the longest-waiting one it replaced.
        case limit
        /// Head, idle or response timeout.
        case timeout
        /// A request head or unanswered pipelined requests beyond `maxUnansweredBytes`, or a request with a body.
        case tooLarge = "too_large"
    }

    private struct Entry {
        let channel: any Channel
        /// Order in which connections started waiting for a request; nil while a request is being answered.
        var waitingSince: UInt64?
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var sequence: UInt64 = 0
        var rejected: [Reason: Int] = [:]
    }

    let maxConnections: Int
    private let state = NIOLockedValueBox(State())

    init(maxConnections: Int) {
        self.maxConnections = maxConnections
    }

    /// Registers a new connection, waiting for its first request. At the cap it replaces the connection that has
    /// waited longest without a request under way, which is closed; false (the caller closes the new one) when
    /// every connection is answering a request.
    func admit(_ channel: any Channel) -> Bool {
        let (admitted, evicted) = state.withLockedValue { state -> (Bool, (any Channel)?) in
            var evicted: (any Channel)?
            if state.entries.count >= maxConnections {
                state.rejected[.limit, default: 0] += 1
                var oldest: (key: ObjectIdentifier, since: UInt64)?
                for (key, entry) in state.entries {
                    if let since = entry.waitingSince, since < oldest?.since ?? .max { oldest = (key, since) }
                }
                guard let oldest else { return (false, nil) }
                evicted = state.entries.removeValue(forKey: oldest.key)?.channel
            }
            state.sequence += 1
            state.entries[ObjectIdentifier(channel)] = Entry(channel: channel, waitingSince: state.sequence)
            return (true, evicted)
        }
        evicted?.close(promise: nil)
        return admitted
    }

    /// A request head arrived (`waiting` false) or its response was written (`waiting` true).
    func setWaiting(_ channel: any Channel, _ waiting: Bool) {
        state.withLockedValue { state in
            let key = ObjectIdentifier(channel)
            guard state.entries[key] != nil else { return }
            if waiting {
                state.sequence += 1
                state.entries[key]?.waitingSince = state.sequence
            } else {
                state.entries[key]?.waitingSince = nil
            }
        }
    }

    func remove(_ channel: any Channel) {
        state.withLockedValue { $0.entries[ObjectIdentifier(channel)] = nil }
    }

    func reject(_ reason: Reason) {
        state.withLockedValue { $0.rejected[reason, default: 0] += 1 }
    }

    /// Open connections now and the rejections so far, by reason.
    var statistics: (open: Int, rejected: [Reason: Int]) {
        state.withLockedValue { ($0.entries.count, $0.rejected) }
    }
}
