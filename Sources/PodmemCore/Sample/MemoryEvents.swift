/// v2 `memory.events` counters (cumulative since the cgroup was created).
public struct MemoryEvents: Sendable, Equatable, Codable {
    public var oom: UInt64?
    public var oomKill: UInt64?
    /// Times usage went over `memory.high` and was throttled.
    public var high: UInt64?
    /// Times usage hit `memory.max` and reclaim ran.
    public var max: UInt64?

    public init(oom: UInt64? = nil, oomKill: UInt64? = nil, high: UInt64? = nil, max: UInt64? = nil) {
        self.oom = oom
        self.oomKill = oomKill
        self.high = high
        self.max = max
    }

    public static let parser = KeyValueParser(keys: [["oom"], ["oom_kill"], ["high"], ["max"]])

    init(slots: [UInt64?]) {
        self.init(oom: slots[0], oomKill: slots[1], high: slots[2], max: slots[3])
    }
}
