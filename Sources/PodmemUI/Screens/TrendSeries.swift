import PodmemCore

/// The five series drawn as sparklines, read from a pod's history in the snapshot document.
public enum TrendSeries: CaseIterable, Sendable, Equatable {
    case rss, activeFile, inactiveFile, workingSet, workingSetNoCache

    public var label: String {
        switch self {
        case .rss: "rss"
        case .activeFile: "active_file"
        case .inactiveFile: "inactive_file"
        case .workingSet: "working set (cAdvisor)"
        case .workingSetNoCache: "working set without cache"
        }
    }

    /// The list's column title and the detail's label when a chart is one row high.
    public var shortLabel: String {
        switch self {
        case .rss: "rss"
        case .activeFile: "active"
        case .inactiveFile: "inactive"
        case .workingSet: "ws"
        case .workingSetNoCache: "ws-nc"
        }
    }

    /// The series drawn on one scale with this one (see `ChartScale`): the working sets with rss (what the pod
    /// holds, with and without cache), and the two file LRU lists.
    public var comparedWith: [TrendSeries] {
        switch self {
        case .workingSet, .workingSetNoCache, .rss: [.workingSet, .workingSetNoCache, .rss]
        case .activeFile, .inactiveFile: [.activeFile, .inactiveFile]
        }
    }

    public func values(_ history: SnapshotHistory) -> [Double?] {
        let raw: [UInt64?]
        switch self {
        case .rss: raw = history.rssBytes
        case .activeFile: raw = history.activeFileBytes
        case .inactiveFile: raw = history.inactiveFileBytes
        case .workingSet: raw = history.workingSetBytes
        case .workingSetNoCache: raw = history.workingSetNoCacheBytes
        }
        return raw.map { $0.map { Double($0) } }
    }

    public func current(_ memory: SnapshotMemory) -> UInt64? {
        switch self {
        case .rss: memory.rssBytes
        case .activeFile: memory.activeFileBytes
        case .inactiveFile: memory.inactiveFileBytes
        case .workingSet: memory.workingSetBytes
        case .workingSetNoCache: memory.workingSetNoCacheBytes
        }
    }

    public func rate(_ growth: SnapshotGrowth) -> Double? {
        switch self {
        case .rss: growth.rssBytesPerSecond
        case .activeFile: growth.activeFileBytesPerSecond
        case .inactiveFile: growth.inactiveFileBytesPerSecond
        case .workingSet: growth.workingSetBytesPerSecond
        case .workingSetNoCache: growth.workingSetNoCacheBytesPerSecond
        }
    }
}
