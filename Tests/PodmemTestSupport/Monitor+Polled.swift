import PodmemCore

extension Monitor {
    /// A batch-style monitor after `count` polls one second apart.
    public static func polled(_ source: MemorySource, count: Int) -> Monitor {
        let monitor = Monitor(window: nil, intervalSeconds: 1, historyCapacity: count)
        for index in 0..<count { monitor.ingest(source.sample(at: 1_800_000_000 + Double(index))) }
        return monitor
    }
}
