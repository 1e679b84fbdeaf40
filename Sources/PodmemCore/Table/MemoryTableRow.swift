/// A row of a memory table: what the columns every table shares (figures, CACHE, WS/s, VERDICT) read.
public protocol MemoryTableRow: Sendable {
    var memory: MemoryFigures { get }
    var cacheShare: Double? { get }
    var growth: Growth { get }
}

extension PodModel: MemoryTableRow {}
extension ContainerModel: MemoryTableRow {}
