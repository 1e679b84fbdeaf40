/// A row of a memory table: what the columns every table shares (figures, CACHE, WS/s, VERDICT) read.
public protocol MemoryTableRow: Sendable {
    var memory: SnapshotMemory { get }
    var cacheShare: Double? { get }
    var growth: SnapshotGrowth { get }
}

extension SnapshotPod: MemoryTableRow {}
extension SnapshotContainer: MemoryTableRow {}
