import PodmemCore
import ServiceLifecycle

/// Polls on its own interval and publishes each poll's exposition. The monitor is not thread-safe, so it lives
/// inside this actor and nothing else touches it; scrapes only read `LatestExposition`.
public actor ExpositionPoller: Service {
    public let interval: Duration
    public nonisolated let exposition: LatestExposition
    private let source: MemorySource
    private let monitor: Monitor
    private let renderer = ExpositionRenderer()

    /// `window`: seconds of history behind the verdict; history holds just enough points to cover it.
    public init(source: sending MemorySource, window: Double, intervalSeconds: Double, exposition: LatestExposition) {
        self.source = source
        monitor = Monitor(
            window: window, intervalSeconds: intervalSeconds,
            historyCapacity: HistoryPlan.rawCapacity(window: window, interval: intervalSeconds))
        interval = .seconds(intervalSeconds)
        self.exposition = exposition
    }

    /// Reads the source once and publishes the exposition of the resulting document.
    public func poll() {
        monitor.ingest(source.sample(at: Timestamp.now()))
        // Every verdict fresh, as batch mode has them; no history: the exposition has none.
        guard let document = monitor.model(.withoutHistory).map(SnapshotDocument.init) else { return }
        exposition.publish(renderer.render(document))
    }

    /// Polls every `interval` after the first (`poll()` before the server starts) until graceful shutdown,
    /// paced on the monotonic clock so slow polls don't drift.
    public func run() async throws {
        let clock = ContinuousClock()
        var next = clock.now
        while !Task.isShuttingDownGracefully {
            next = max(next.advanced(by: interval), clock.now)
            let deadline = next
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(until: deadline, clock: clock) }
            } catch {
                return  // cancelled: the service group is stopping
            }
            poll()
        }
    }
}
