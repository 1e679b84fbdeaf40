/// The normalized, derived view of one cgroup's counters: what every output shows.
public struct MemoryFigures: Sendable, Equatable {
    public var usageBytes: UInt64?
    public var rssBytes: UInt64?
    public var activeFileBytes: UInt64?
    public var inactiveFileBytes: UInt64?
    public var shmemBytes: UInt64?
    public var mappedFileBytes: UInt64?
    public var kernelBytes: UInt64?
    public var workingSetBytes: UInt64?
    public var workingSetNoCacheBytes: UInt64?
    /// Nil when unlimited or unknown.
    public var limitBytes: UInt64?
    public var cacheShare: Double?

    public init(_ counters: MemoryCounters) {
        usageBytes = counters.usageBytes
        rssBytes = counters.stat.rssBytes
        activeFileBytes = counters.stat.activeFileBytes
        inactiveFileBytes = counters.stat.inactiveFileBytes
        shmemBytes = counters.stat.shmemBytes
        mappedFileBytes = counters.stat.mappedFileBytes
        kernelBytes = counters.stat.kernelBytes ?? counters.kernelUsageBytes
        workingSetBytes = WorkingSet.cadvisor(usage: usageBytes, inactiveFile: inactiveFileBytes)
        workingSetNoCacheBytes = WorkingSet.withoutCache(
            usage: usageBytes, inactiveFile: inactiveFileBytes, activeFile: activeFileBytes)
        limitBytes = counters.limit?.byteCount
        cacheShare = WorkingSet.cacheShare(workingSet: workingSetBytes, workingSetNoCache: workingSetNoCacheBytes)
    }
}
