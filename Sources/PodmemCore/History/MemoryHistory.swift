/// Bounded per-series history of every pod and container seen in the latest poll.
/// A series whose cgroup is missing from a poll ends there (its buffer is dropped).
public struct MemoryHistory {
    public let capacity: Int
    private var series: [SeriesKey: RingBuffer<HistoryPoint>] = [:]

    /// `capacity`: points kept per series. Memory is bounded by capacity × live series.
    public init(capacity: Int) {
        self.capacity = max(2, capacity)
    }

    /// Points needed to cover `window` seconds at `interval`, plus one, bounded to keep memory flat.
    public static func capacity(window: Double, interval: Double, maximum: Int = 3600) -> Int {
        guard interval > 0, window.isFinite else { return maximum }
        return min(maximum, max(2, Int((window / interval).rounded(.up)) + 1))
    }

    public mutating func ingest(_ sample: Sample) {
        var next: [SeriesKey: RingBuffer<HistoryPoint>] = [:]
        next.reserveCapacity(series.count)
        func add(_ cgroup: String, _ inode: UInt64, _ counters: MemoryCounters) {
            let key = SeriesKey(cgroup: cgroup, inode: inode)
            var buffer = series.removeValue(forKey: key) ?? RingBuffer(capacity: capacity)
            buffer.append(HistoryPoint(time: sample.timestamp, counters: counters))
            next[key] = buffer
        }
        for workload in sample.workloads {
            add(workload.cgroup, workload.inode, workload.counters)
            for container in workload.containers { add(container.cgroup, container.inode, container.counters) }
        }
        series = next
    }

    public func points(cgroup: String, inode: UInt64) -> RingBuffer<HistoryPoint>? {
        series[SeriesKey(cgroup: cgroup, inode: inode)]
    }

    public var seriesCount: Int { series.count }
}
