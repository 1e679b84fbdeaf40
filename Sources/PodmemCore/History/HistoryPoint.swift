/// One poll of one series: the raw values both working sets derive from.
/// Values are kept as `Int64` with `-1` for "not read"; `MemoryHistory` stores them as `PagePoint`s.
public struct HistoryPoint: Sendable, Equatable {
    /// Unix time in seconds.
    public let time: Double
    private let usage: Int64
    private let rss: Int64
    private let activeFile: Int64
    private let inactiveFile: Int64

    public init(time: Double, counters: MemoryCounters) {
        self.init(
            time: time, usageBytes: counters.usageBytes, rssBytes: counters.stat.rssBytes,
            activeFileBytes: counters.stat.activeFileBytes, inactiveFileBytes: counters.stat.inactiveFileBytes)
    }

    public init(
        time: Double, usageBytes: UInt64?, rssBytes: UInt64?, activeFileBytes: UInt64?, inactiveFileBytes: UInt64?
    ) {
        self.time = time
        usage = Self.pack(usageBytes)
        rss = Self.pack(rssBytes)
        activeFile = Self.pack(activeFileBytes)
        inactiveFile = Self.pack(inactiveFileBytes)
    }

    public var usageBytes: UInt64? { Self.unpack(usage) }
    public var rssBytes: UInt64? { Self.unpack(rss) }
    public var activeFileBytes: UInt64? { Self.unpack(activeFile) }
    public var inactiveFileBytes: UInt64? { Self.unpack(inactiveFile) }
    public var workingSetBytes: UInt64? { WorkingSet.cadvisor(usage: usageBytes, inactiveFile: inactiveFileBytes) }
    public var workingSetNoCacheBytes: UInt64? {
        WorkingSet.withoutCache(usage: usageBytes, inactiveFile: inactiveFileBytes, activeFile: activeFileBytes)
    }

    private static func pack(_ value: UInt64?) -> Int64 { value.map { Int64(clamping: $0) } ?? -1 }
    private static func unpack(_ value: Int64) -> UInt64? { value < 0 ? nil : UInt64(value) }
}
