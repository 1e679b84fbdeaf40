/// Rates over the analysis window and the verdict they lead to.
public struct Growth: Sendable, Equatable {
    /// The verdict.
    public var `class`: GrowthClass
    /// Seconds between the first and last sample used.
    public var windowSeconds: Double
    public var sampleCount: Int
    /// Change of the working set that counts as growth over this window (see `GrowthAnalyzer`).
    public var thresholdBytes: Double
    /// The same for the working set without cache, whose own noise may differ.
    public var noCacheThresholdBytes: Double = 0
    /// Working set: mean of the window's last bucket minus mean of its first (the same ≤ 16 buckets the slope
    /// uses), what happened rather than what the trend says.
    public var netBytes: Double?
    /// Working set: the highest bucket mean minus the first one (0 when it never rose above the start).
    public var peakBytes: Double?
    /// Unix time of that bucket (the mean time of its samples).
    public var peakTime: Double?
    /// Working set without cache: last bucket mean minus first.
    public var noCacheNetBytes: Double?
    public var usageBytesPerSecond: Double?
    public var workingSetBytesPerSecond: Double?
    public var workingSetNoCacheBytesPerSecond: Double?
    public var rssBytesPerSecond: Double?
    public var activeFileBytesPerSecond: Double?
    public var inactiveFileBytesPerSecond: Double?

    public static let unknown = Growth(class: .unknown, windowSeconds: 0, sampleCount: 0, thresholdBytes: 0)

    public init(class growthClass: GrowthClass, windowSeconds: Double, sampleCount: Int, thresholdBytes: Double) {
        self.class = growthClass
        self.windowSeconds = windowSeconds
        self.sampleCount = sampleCount
        self.thresholdBytes = thresholdBytes
    }

    /// Share of the working set's growth that is active page cache (the split `ΔWS = Δactive_file + ΔWSnoCache`),
    /// counting only the parts that grew; nil when nothing grew.
    public var cacheShareOfGrowth: Double? {
        let cache = max(0, activeFileBytesPerSecond ?? 0)
        let anon = max(0, workingSetNoCacheBytesPerSecond ?? 0)
        return cache + anon > 0 ? cache / (cache + anon) : nil
    }
}
