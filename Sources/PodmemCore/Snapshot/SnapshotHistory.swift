/// The pod cgroup's held history, oldest first; `null` marks a value that could not be read.
public struct SnapshotHistory: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public var t: [Double]
    public var usageBytes: [UInt64?]
    public var rssBytes: [UInt64?]
    public var activeFileBytes: [UInt64?]
    public var inactiveFileBytes: [UInt64?]
    public var workingSetBytes: [UInt64?]
    public var workingSetNoCacheBytes: [UInt64?]

    public init(_ points: [HistoryPoint]) {
        t = points.map { ($0.time * 1000).rounded() / 1000 }
        usageBytes = points.map(\.usageBytes)
        rssBytes = points.map(\.rssBytes)
        activeFileBytes = points.map(\.activeFileBytes)
        inactiveFileBytes = points.map(\.inactiveFileBytes)
        workingSetBytes = points.map(\.workingSetBytes)
        workingSetNoCacheBytes = points.map(\.workingSetNoCacheBytes)
    }
}
