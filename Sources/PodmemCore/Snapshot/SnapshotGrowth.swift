/// A `Growth` in the document: rates (bytes/second, Theil–Sen over the window) to 0.1 B/s, what happened over the
/// window to the byte, and the verdict.
public struct SnapshotGrowth: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public var `class`: GrowthClass
    public var windowSeconds: Double
    public var samples: Int
    /// Change of the working set that counts as growth: `max(4 MiB, 1% of its median, 3 σ of its own noise)`.
    public var thresholdBytes: Double
    /// The same for the working set without cache.
    public var noCacheThresholdBytes: Double?
    /// The working set's last bucket mean minus its first (see `Growth.netBytes`).
    public var netBytes: Int64?
    /// The working set's highest bucket mean minus its first.
    public var peakBytes: Int64?
    /// When that bucket was (the mean time of its samples), as `takenAt`.
    public var peakAt: String?
    /// The working set without cache: last bucket mean minus first.
    public var noCacheNetBytes: Int64?
    public var workingSetBytesPerSecond: Double?
    public var workingSetNoCacheBytesPerSecond: Double?
    public var usageBytesPerSecond: Double?
    public var rssBytesPerSecond: Double?
    public var activeFileBytesPerSecond: Double?
    public var inactiveFileBytesPerSecond: Double?
    /// The verdict in words (`VerdictSentence`), as the detail screen and `report` print it; null where the
    /// document leaves it out (rows of the live list, the exporter's document).
    public var summary: String?

    public init(_ growth: Growth, summary: String?) {
        `class` = growth.class
        windowSeconds = Self.round(growth.windowSeconds, 1000)
        samples = growth.sampleCount
        thresholdBytes = growth.thresholdBytes.rounded()
        noCacheThresholdBytes = growth.class == .unknown ? nil : growth.noCacheThresholdBytes.rounded()
        netBytes = growth.netBytes.map { Int64($0.rounded()) }
        peakBytes = growth.peakBytes.map { Int64($0.rounded()) }
        peakAt = growth.peakTime.map(Timestamp.iso8601)
        noCacheNetBytes = growth.noCacheNetBytes.map { Int64($0.rounded()) }
        workingSetBytesPerSecond = growth.workingSetBytesPerSecond.map { Self.round($0, 10) }
        workingSetNoCacheBytesPerSecond = growth.workingSetNoCacheBytesPerSecond.map { Self.round($0, 10) }
        usageBytesPerSecond = growth.usageBytesPerSecond.map { Self.round($0, 10) }
        rssBytesPerSecond = growth.rssBytesPerSecond.map { Self.round($0, 10) }
        activeFileBytesPerSecond = growth.activeFileBytesPerSecond.map { Self.round($0, 10) }
        inactiveFileBytesPerSecond = growth.inactiveFileBytesPerSecond.map { Self.round($0, 10) }
        self.summary = summary
    }

    private static func round(_ value: Double, _ scale: Double) -> Double { (value * scale).rounded() / scale }
}
