import PodmemCore

/// What the pod table can be sorted by; `<` and `>` step through them in this order.
public enum SortColumn: Int, CaseIterable, Sendable {
    case name, workingSet, workingSetNoCache, rss, activeFile, inactiveFile, limitPercent, cacheShare, growth

    public var title: String {
        switch self {
        case .name: "NAME"
        case .workingSet: "WS"
        case .workingSetNoCache: "WS-NC"
        case .rss: "RSS"
        case .activeFile: "ACTIVE"
        case .inactiveFile: "INACTIVE"
        case .limitPercent: "%LIM"
        case .cacheShare: "CACHE"
        case .growth: "WS/s"
        }
    }

    /// Numbers sort highest first by default, names A→Z.
    public var defaultDescending: Bool { self != .name }

    func key(_ pod: SnapshotPod) -> Double {
        let m = pod.memory
        switch self {
        case .name: return 0
        case .workingSet: return Double(m.workingSetBytes ?? 0)
        case .workingSetNoCache: return Double(m.workingSetNoCacheBytes ?? 0)
        case .rss: return Double(m.rssBytes ?? 0)
        case .activeFile: return Double(m.activeFileBytes ?? 0)
        case .inactiveFile: return Double(m.inactiveFileBytes ?? 0)
        case .limitPercent: return PodLabel.limitFraction(pod) ?? -1
        case .cacheShare: return pod.cacheShare ?? -1
        case .growth: return pod.growth.workingSetBytesPerSecond ?? 0
        }
    }
}
