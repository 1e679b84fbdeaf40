/// Everything read from one cgroup's memory files at one poll, raw and underived.
/// A nil is a value the kernel did not give us (missing file or key, unreadable, garbage): a gap, never 0.
public struct MemoryCounters: Sendable, Equatable, Codable {
    /// v1 `memory.usage_in_bytes`, v2 `memory.current` (for the v2 root, which has none: `anon + file`).
    public var usageBytes: UInt64?
    public var stat: MemoryStat
    public var limit: MemoryLimit?
    /// v1 `memory.failcnt`: times usage hit the limit.
    public var failCount: UInt64?
    public var events: MemoryEvents?
    public var pressure: MemoryPressure?
    /// v1 `memory.kmem.usage_in_bytes`: kernel memory (slab, dentries, stacks, page tables) charged to the cgroup,
    /// part of its usage; nil on v2 (memory.stat `kernel` there), for the v1 root, or with kmem accounting off.
    public var kernelUsageBytes: UInt64?

    public init(
        usageBytes: UInt64? = nil, stat: MemoryStat = MemoryStat(), limit: MemoryLimit? = nil,
        failCount: UInt64? = nil, events: MemoryEvents? = nil, pressure: MemoryPressure? = nil,
        kernelUsageBytes: UInt64? = nil
    ) {
        self.usageBytes = usageBytes
        self.stat = stat
        self.limit = limit
        self.failCount = failCount
        self.events = events
        self.pressure = pressure
        self.kernelUsageBytes = kernelUsageBytes
    }
}
