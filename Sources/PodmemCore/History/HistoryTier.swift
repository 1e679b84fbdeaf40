/// One tier of one series: every poll (raw), or one bucket mean per `resolutionSeconds`. Reading a coarse tier
/// yields its finished buckets and then the bucket still filling, so its newest point is never stale.
public struct HistoryTier: RandomAccessCollection {
    /// Seconds per point; nil for the raw tier.
    public let resolutionSeconds: Double?
    private var stored: SeriesPoints
    private var pending: BucketMean?
    /// Whether points have been dropped: until then the tier holds everything since the series began.
    public private(set) var isFull = false

    init(_ tier: HistoryPlan.Tier, epoch: Double) {
        resolutionSeconds = tier.resolutionSeconds
        stored = SeriesPoints(capacity: tier.capacity, epoch: epoch)
    }

    /// Whether the points are stored as pages (always, for values read from a kernel).
    public var isCompact: Bool { stored.isCompact }

    public var startIndex: Int { 0 }
    public var endIndex: Int { stored.count + (pending == nil ? 0 : 1) }

    public subscript(position: Int) -> HistoryPoint {
        position < stored.count ? stored[position] : pending!.point
    }

    mutating func append(_ point: HistoryPoint) {
        guard let resolution = resolutionSeconds else {
            store(point)
            return
        }
        let bucket = Int64(Int(saturating: (point.time / resolution).rounded(.down)))
        if let finished = pending, finished.bucket != bucket { store(finished.point) }
        if pending?.bucket != bucket { pending = BucketMean(bucket: bucket) }
        pending!.add(point)
    }

    private mutating func store(_ point: HistoryPoint) {
        if stored.count == stored.capacity { isFull = true }
        stored.append(point)
    }
}
