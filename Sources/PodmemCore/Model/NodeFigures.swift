/// Node-wide figures, as kubelet computes its `memory.available` eviction signal. In the JSON document: `node`.
public struct NodeFigures: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public var memTotalBytes: UInt64?
    /// The root cgroup's `usage − inactive_file`.
    public var workingSetBytes: UInt64?
    public var workingSetNoCacheBytes: UInt64?
    /// kubelet: `MemTotal − root working set` (floored at 0).
    public var availableBytes: UInt64?
    /// The same with active page cache counted as available: `MemTotal − root workingSetNoCache`.
    public var availableNoCacheBytes: UInt64?

    public init(memTotalBytes: UInt64?, workingSetBytes: UInt64?, workingSetNoCacheBytes: UInt64?) {
        self.memTotalBytes = memTotalBytes
        self.workingSetBytes = workingSetBytes
        self.workingSetNoCacheBytes = workingSetNoCacheBytes
        func available(_ used: UInt64?) -> UInt64? {
            guard let memTotalBytes, let used else { return nil }
            return memTotalBytes > used ? memTotalBytes - used : 0
        }
        availableBytes = available(workingSetBytes)
        availableNoCacheBytes = available(workingSetNoCacheBytes)
    }

    public init(_ node: NodeCounters) {
        let root = MemoryFigures(node.root)
        self.init(
            memTotalBytes: node.memTotalBytes, workingSetBytes: root[.workingSet],
            workingSetNoCacheBytes: root[.workingSetNoCache])
    }
}
