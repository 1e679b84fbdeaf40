/// Bounded per-series history of every pod and container seen in the latest poll.
/// A series whose cgroup is missing from a poll ends there (its buffer is dropped).
public struct MemoryHistory {
    public let capacity: Int
    private var series: [SeriesKey: Series] = [:]
    private var poll = 0
    /// Time origin of the compact points: the first sample's time.
    private var epoch: Double?

    struct Series {
        var points: SeriesPoints
        var lastPoll: Int
    }

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
        poll += 1
        let epoch = self.epoch ?? sample.timestamp
        self.epoch = epoch
        var present = 0
        func add(_ cgroup: String, _ inode: UInt64, _ counters: MemoryCounters) {
            let point = HistoryPoint(time: sample.timestamp, counters: counters)
            let key = SeriesKey(cgroup: cgroup, inode: inode)
            if series[key]?.lastPoll == poll { return }  // the same cgroup listed twice in one sample
            present += 1
            if series[key] != nil {
                series[key]!.points.append(point)
                series[key]!.lastPoll = poll
            } else {
                var points = SeriesPoints(capacity: capacity, epoch: epoch)
                points.append(point)
                series[key] = Series(points: points, lastPoll: poll)
            }
        }
        for workload in sample.workloads {
            add(workload.cgroup, workload.inode, workload.counters)
            for container in workload.containers { add(container.cgroup, container.inode, container.counters) }
        }
        if present < series.count { series = series.filter { $0.value.lastPoll == poll } }
    }

    public func points(cgroup: String, inode: UInt64) -> SeriesPoints? {
        series[SeriesKey(cgroup: cgroup, inode: inode)]?.points
    }

    public var seriesCount: Int { series.count }
}
