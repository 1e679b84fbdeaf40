/// Moves through a timeline: the monitor at any position holds what a live podmem started at the timeline's
/// beginning would hold there. Raw history is rebuilt from every sample in the raw tier's reach; the coarse tiers
/// from keyframes only (a recording writes one at least every 30 s), so a day-long recording opens in well
/// under a second. Stepping forward one sample polls the same monitor, exactly as live.
public final class Replay {
    public let timeline: SampleTimeline
    public private(set) var position: Int
    public private(set) var monitor: Monitor
    private let source = ReplaySource()
    private let initialWindow: Double

    /// Opens at the last sample; an empty timeline is an error.
    public init(timeline: SampleTimeline, window: Double) throws(SetupError) {
        guard timeline.count > 0 else { throw SetupError("nothing to replay: no complete sample") }
        self.timeline = timeline
        initialWindow = window
        position = timeline.count - 1
        monitor = Monitor(source: source, window: window, intervalSeconds: timeline.intervalSeconds, plan: Self.plan(timeline, window))
        try rebuild(at: position)
    }

    public var timestamp: Double { timeline.timestamp(at: position) }

    /// Moves to `target` (clamped to the timeline).
    public func seek(to target: Int) throws(SetupError) {
        let target = min(timeline.count - 1, max(0, target))
        if target == position + 1 {
            try poll(target)
        } else if target != position {
            try rebuild(at: target)
        }
        position = target
    }

    /// The position whose time is nearest `seconds` after (or, negative, before) the current one.
    public func position(offsetBy seconds: Double) -> Int {
        let goal = timestamp + seconds
        var low = 0, high = timeline.count - 1
        while low < high {
            let middle = (low + high) / 2
            if timeline.timestamp(at: middle) < goal { low = middle + 1 } else { high = middle }
        }
        if low > 0, abs(timeline.timestamp(at: low - 1) - goal) <= abs(timeline.timestamp(at: low) - goal) { return low - 1 }
        return low
    }

    private func rebuild(at target: Int) throws(SetupError) {
        let window = monitor.window
        monitor = Monitor(source: source, window: window ?? initialWindow, intervalSeconds: timeline.intervalSeconds,
                          plan: Self.plan(timeline, initialWindow))
        let rawCount = monitor.history.plan.tiers[0].capacity
        let rawStart = max(0, target - rawCount + 1)
        let oldest = timeline.timestamp(at: target) - monitor.history.plan.longestSeconds
        var first = rawStart
        while first > 0 && timeline.timestamp(at: first - 1) >= oldest { first -= 1 }
        for index in first..<rawStart where timeline.isKeyframe(at: index) { try poll(index) }
        for index in rawStart...target { try poll(index) }
    }

    private func poll(_ index: Int) throws(SetupError) {
        let sample = try timeline.sample(at: index)
        source.next = sample
        monitor.poll(at: sample.timestamp)
    }

    private static func plan(_ timeline: SampleTimeline, _ window: Double) -> HistoryPlan {
        .live(window: window, intervalSeconds: timeline.intervalSeconds > 0 ? timeline.intervalSeconds : 1)
    }
}
