import NIOConcurrencyHelpers
import NIOCore

/// The newest poll's exposition, written by the poller and read by any number of concurrent scrapes.
/// A scrape takes a reference to immutable bytes under the lock: it never reads cgroups and never waits for a poll.
public final class LatestExposition: Sendable {
    /// One poll's rendered exposition and when it was published (monotonic clock).
    public struct Published: Sendable {
        public let bytes: ByteBuffer
        public let at: ContinuousClock.Instant
    }

    private let latest = NIOLockedValueBox<Published?>(nil)

    public init() {}

    public func publish(_ bytes: [UInt8]) {
        let published = Published(bytes: ByteBuffer(bytes: bytes), at: .now)
        latest.withLockedValue { $0 = published }
    }

    /// nil until the first poll has been published.
    public var current: Published? { latest.withLockedValue { $0 } }
}
