import PodmemCore

/// Whether the screens show the node now or a recorded past: replay has no snapshot key or pause, and steps in time.
public enum AppMode: Sendable, Equatable {
    case live
    /// The recorded sample shown: its time (Unix seconds) and its place, `position` (from 0) of `count`.
    case replay(timestamp: Double, position: Int, count: Int)

    /// "2026-11-28T14:03:12Z · 1234/86400"; nil when live.
    public var replayClock: String? {
        guard case .replay(let timestamp, let position, let count) = self else { return nil }
        return "\(Timestamp.iso8601(timestamp)) · \(position + 1)/\(count)"
    }
}
