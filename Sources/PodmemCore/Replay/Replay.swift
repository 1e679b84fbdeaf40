/// Moves through a timeline: the monitor at any position holds what a live podmem started at the timeline's
/// beginning would hold there. Raw history is rebuilt from every sample in the raw tier's reach; the coarse tiers
/// from one keyframe per bucket (a recording writes one at least every 30 s), so a day-long recording opens in well
/// under a second. (So older buckets hold one sample where a live run averaged many: the same lines, less
/// smoothing.) Stepping forward one sample pushes it into the same monitor, exactly as live. The replay owns its
/// monitor; a seek that rebuilds it replaces it.
public final class Replay {
    public let timeline: SampleTimeline
    public private(set) var position: Int
    public private(set) var monitor: Monitor
    private let initialWindow: Double

    /// Opens at the last sample; an empty timeline is an error.
    public init(timeline: SampleTimeline, window: Double) throws(CommandFailure) {
        guard timeline.count > 0 else { throw CommandFailure("nothing to replay: no complete sample") }
        self.timeline = timeline
        initialWindow = window
        position = timeline.count - 1
        monitor = Monitor(window: window, intervalSeconds: timeline.intervalSeconds, plan: Self.plan(timeline, window))
        try rebuild(at: position)
    }

    public var timestamp: Double { timeline.timestamp(at: position) }

    /// Moves to `target` (clamped to the timeline).
    public func seek(to target: Int) throws(CommandFailure) {
        let target = min(timeline.count - 1, max(0, target))
        if target == position + 1 {
            try ingest(target)
        } else if target != position {
            try rebuild(at: target)
        }
        position = target
    }

    /// The position whose time is nearest `seconds` after (or, negative, before) the current one.
    public func position(offsetBy seconds: Double) -> Int {
        let goal = timestamp + seconds
        var low = 0
        var high = timeline.count - 1
        while low < high {
            let middle = (low + high) / 2
            if timeline.timestamp(at: middle) < goal { low = middle + 1 } else { high = middle }
        }
        if low > 0, abs(timeline.timestamp(at: low - 1) - goal) <= abs(timeline.timestamp(at: low) - goal) {
            return low - 1
        }
        return low
    }

    private func rebuild(at target: Int) throws(CommandFailure) {
        let window = monitor.window
        monitor = Monitor(
            window: window ?? initialWindow, intervalSeconds: timeline.intervalSeconds,
            plan: Self.plan(timeline, initialWindow))
        let plan = monitor.history.plan
        let rawStart = max(0, target - plan.tiers[0].capacity + 1)
        // Older than the raw tier's reach, one keyframe per coarse bucket is enough: each tier keeps bucket means.
        let end = timeline.timestamp(at: target)
        var index = rawStart - 1
        var lastBucket: (tier: Int, bucket: Int64)?
        var picks: [Int] = []
        while index >= 0 {
            let age = end - timeline.timestamp(at: index)
            guard let tier = plan.tiers.indices.dropFirst().first(where: { plan.coveredSeconds(tier: $0) >= age }),
                let resolution = plan.tiers[tier].resolutionSeconds
            else { break }
            let bucket = Int64(Int(saturating: (timeline.timestamp(at: index) / resolution).rounded(.down)))
            if timeline.isKeyframe(at: index), lastBucket.map({ $0.tier != tier || $0.bucket != bucket }) ?? true {
                picks.append(index)
                lastBucket = (tier, bucket)
            }
            index -= 1
        }
        for index in picks.reversed() { try ingest(index) }
        for index in rawStart...target { try ingest(index) }
    }

    private func ingest(_ index: Int) throws(CommandFailure) {
        monitor.ingest(try timeline.sample(at: index))
    }

    private static func plan(_ timeline: SampleTimeline, _ window: Double) -> HistoryPlan {
        .live(window: window, intervalSeconds: timeline.intervalSeconds > 0 ? timeline.intervalSeconds : 1)
    }
}
