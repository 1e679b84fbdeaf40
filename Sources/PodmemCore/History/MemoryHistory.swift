/// Bounded, tiered history of every pod and container seen in the latest poll (see `HistoryPlan`).
/// A series whose cgroup is missing from a poll ends there (its buffers are dropped).
public struct MemoryHistory {
    /// The plan in force; a budgeted plan is fitted to the number of series at the first poll.
    public private(set) var plan: HistoryPlan
    private var series: [SeriesKey: Series] = [:]
    /// Polls ingested so far.
    public private(set) var poll = 0
    /// Time origin of the compact points: the first sample's time.
    private var epoch: Double?

    struct Series {
        var tiers: [HistoryTier]
        var lastPoll: Int
        var growth: CachedGrowth?
    }

    /// A verdict and when it was computed, so a busy screen need not redo every series on every poll.
    struct CachedGrowth {
        let growth: Growth
        let window: Double?
        let tier: Int
        let poll: Int
    }

    public init(plan: HistoryPlan) {
        self.plan = plan
    }

    /// Raw points only, `capacity` per series.
    public init(capacity: Int) {
        self.init(plan: HistoryPlan(rawCapacity: capacity, intervalSeconds: 1))
    }

    public mutating func ingest(_ sample: Sample) {
        if poll == 0 {
            plan = plan.fitted(workloads: sample.workloads.count, containers: sample.workloads.reduce(0) { $0 + $1.containers.count })
        }
        poll += 1
        let epoch = self.epoch ?? sample.timestamp
        self.epoch = epoch
        var present = 0
        func add(_ cgroup: String, _ inode: UInt64, _ counters: MemoryCounters, allTiers: Bool) {
            let point = HistoryPoint(time: sample.timestamp, counters: counters)
            let key = SeriesKey(cgroup: cgroup, inode: inode)
            // One hash per series and poll: later accesses go through the index.
            if let index = series.index(forKey: key) {
                if series.values[index].lastPoll == poll { return }  // the same cgroup listed twice in one sample
                present += 1
                series.values[index].lastPoll = poll
                for tier in series.values[index].tiers.indices { series.values[index].tiers[tier].append(point) }
            } else {
                present += 1
                var tiers = plan.tiers.prefix(allTiers ? plan.tiers.count : 1).map { HistoryTier($0, epoch: epoch) }
                for tier in tiers.indices { tiers[tier].append(point) }
                series[key] = Series(tiers: tiers, lastPoll: poll)
            }
        }
        for workload in sample.workloads {
            add(workload.cgroup, workload.inode, workload.counters, allTiers: true)
            for container in workload.containers { add(container.cgroup, container.inode, container.counters, allTiers: false) }
        }
        if present < series.count { series = series.filter { $0.value.lastPoll == poll } }
    }

    /// The finest tier of the series that covers `window` seconds: one whose full span is long enough, or one that
    /// has not dropped a point yet (it holds everything so far). nil window, or none long enough: the coarsest.
    public func tierIndex(window: Double?, cgroup: String, inode: UInt64) -> Int {
        series[SeriesKey(cgroup: cgroup, inode: inode)].map { tierIndex(window: window, held: $0.tiers) } ?? 0
    }

    private func tierIndex(window: Double?, held tiers: [HistoryTier]) -> Int {
        guard let window else { return tiers.count - 1 }
        return tiers.indices.first { plan.coveredSeconds(tier: $0) >= window || !tiers[$0].isFull } ?? tiers.count - 1
    }

    /// The raw tier's points (every poll held).
    public func points(cgroup: String, inode: UInt64) -> HistoryTier? {
        series[SeriesKey(cgroup: cgroup, inode: inode)]?.tiers[0]
    }

    /// The points that best show the last `window` seconds (see `tierIndex`).
    public func points(cgroup: String, inode: UInt64, window: Double?) -> HistoryTier? {
        series[SeriesKey(cgroup: cgroup, inode: inode)].map { $0.tiers[tierIndex(window: window, held: $0.tiers)] }
    }

    /// Everything held, oldest first, each stretch of time from the finest tier that has it: coarse means
    /// for long ago, every poll for the recent past.
    public func allPoints(cgroup: String, inode: UInt64) -> [HistoryPoint] {
        guard let held = series[SeriesKey(cgroup: cgroup, inode: inode)] else { return [] }
        var merged: [HistoryPoint] = []
        var before = Double.infinity
        for tier in held.tiers where !tier.isEmpty {
            let older = tier.prefix { $0.time < before }
            merged.insert(contentsOf: older, at: 0)
            before = min(before, tier.first!.time)
        }
        return merged
    }

    /// The growth verdict over `window` seconds, recomputed when older than `maximumAgePolls` polls (the screen
    /// refreshes a busy node's verdicts in turns; 1 means always fresh).
    public mutating func growth(cgroup: String, inode: UInt64, window: Double?, maximumAgePolls: Int = 1) -> Growth {
        guard let index = series.index(forKey: SeriesKey(cgroup: cgroup, inode: inode)) else { return .unknown }
        let held = series.values[index]
        let tier = tierIndex(window: window, held: held.tiers)
        if let cached = held.growth, cached.window == window, cached.tier == tier, poll - cached.poll < maximumAgePolls {
            return cached.growth
        }
        let growth = GrowthAnalyzer.analyze(held.tiers[tier], window: window)
        // The first verdict of a series is dated back by a share of the age limit taken from its inode, so series
        // that appeared together do not all fall due on the same poll.
        let computedAt = held.growth == nil ? poll - Int(inode % UInt64(maximumAgePolls)) : poll
        series.values[index].growth = CachedGrowth(growth: growth, window: window, tier: tier, poll: computedAt)
        return growth
    }

    public var seriesCount: Int { series.count }
}
