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
        /// The first tier inline, the coarser ones (pods only) in an array: a container's series is one allocation.
        var first: HistoryTier
        var coarse: [HistoryTier]
        var lastPoll: Int
        var growth: CachedGrowth?

        var tierCount: Int { 1 + coarse.count }

        subscript(tier: Int) -> HistoryTier { tier == 0 ? first : coarse[tier - 1] }

        mutating func append(_ point: HistoryPoint) {
            first.append(point)
            for tier in coarse.indices { coarse[tier].append(point) }
        }
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
            plan = plan.fitted(
                workloads: sample.workloads.count, containers: sample.workloads.reduce(0) { $0 + $1.containers.count })
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
                series.values[index].append(point)
            } else {
                present += 1
                let coarse = allTiers ? plan.tiers.dropFirst().map { HistoryTier($0, epoch: epoch) } : []
                var new = Series(first: HistoryTier(plan.tiers[0], epoch: epoch), coarse: coarse, lastPoll: poll)
                new.append(point)
                series[key] = new
            }
        }
        for workload in sample.workloads {
            add(workload.cgroup, workload.inode, workload.counters, allTiers: true)
            for container in workload.containers {
                add(container.cgroup, container.inode, container.counters, allTiers: false)
            }
        }
        if present < series.count { series = series.filter { $0.value.lastPoll == poll } }
    }

    /// The finest tier of the series that covers `window` seconds: one whose full span is long enough, or one that
    /// has not dropped a point yet (it holds everything so far). nil window, or none long enough: the coarsest.
    public func tierIndex(window: Double?, cgroup: String, inode: UInt64) -> Int {
        series[SeriesKey(cgroup: cgroup, inode: inode)].map { tierIndex(window: window, held: $0) } ?? 0
    }

    private func tierIndex(window: Double?, held: Series) -> Int {
        guard let window else { return held.tierCount - 1 }
        return (0..<held.tierCount).first { plan.coveredSeconds(tier: $0) >= window || !held[$0].isFull } ?? held
            .tierCount - 1
    }

    /// The first tier's points: every poll held, or means of a few polls on a node too big for that (see `HistoryPlan`).
    public func points(cgroup: String, inode: UInt64) -> HistoryTier? {
        series[SeriesKey(cgroup: cgroup, inode: inode)]?.first
    }

    /// The points that best show the last `window` seconds (see `tierIndex`).
    public func points(cgroup: String, inode: UInt64, window: Double?) -> HistoryTier? {
        series[SeriesKey(cgroup: cgroup, inode: inode)].map { $0[tierIndex(window: window, held: $0)] }
    }

    /// Everything held, oldest first, each stretch of time from the finest tier that has it: coarse means
    /// for long ago, every poll for the recent past.
    public func allPoints(cgroup: String, inode: UInt64) -> [HistoryPoint] {
        guard let held = series[SeriesKey(cgroup: cgroup, inode: inode)] else { return [] }
        var merged: [HistoryPoint] = []
        var before = Double.infinity
        for tier in (0..<held.tierCount).map({ held[$0] }) where !tier.isEmpty {
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
        let tier = tierIndex(window: window, held: held)
        // An unknown verdict (too few samples yet) is never reused: the first verdict shows as soon as its
        // samples allow, not up to `maximumAgePolls` later.
        if let cached = held.growth, cached.growth.class != .unknown, cached.window == window,
            cached.tier == tier,
            poll - cached.poll < maximumAgePolls
        {
            return cached.growth
        }
        let growth = GrowthAnalyzer.analyze(held[tier], window: window)
        // The first known verdict of a series is dated back by a share of the age limit taken from its inode, so
        // series that appeared together do not all fall due on the same poll.
        let isFirstKnown = held.growth.map { $0.growth.class == .unknown } ?? true
        let computedAt = isFirstKnown ? poll - Int(inode % UInt64(maximumAgePolls)) : poll
        series.values[index].growth = CachedGrowth(growth: growth, window: window, tier: tier, poll: computedAt)
        return growth
    }

    public var seriesCount: Int { series.count }

    /// Seconds of history held: from the first poll to `now`, at most what the plan's coarsest tier spans.
    public func heldSeconds(at now: Double) -> Double {
        guard let epoch else { return 0 }
        return min(max(0, now - epoch), plan.longestSeconds)
    }
}
