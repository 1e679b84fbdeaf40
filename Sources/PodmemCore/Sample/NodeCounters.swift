/// Node-wide raw values: `/proc/meminfo` and the hierarchy root's own counters.
public struct NodeCounters: Sendable, Equatable, Codable {
    /// MemTotal from `/proc/meminfo`, what kubelet reports as node capacity.
    public var memTotalBytes: UInt64?
    public var root: MemoryCounters

    public init(memTotalBytes: UInt64?, root: MemoryCounters) {
        self.memTotalBytes = memTotalBytes
        self.root = root
    }
}
