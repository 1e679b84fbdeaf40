import PodmemCore

/// What the pod table can be sorted by; `<` and `>` step through `all` in order.
public enum SortColumn: Sendable, Equatable {
    case name
    /// A figure with a table column (`MemoryFigure.columns`).
    case figure(MemoryFigure)
    case limitPercent, cacheShare, growth

    public static let workingSet = SortColumn.figure(.workingSet)

    public static let all: [SortColumn] =
        [.name] + MemoryFigure.columns.map { .figure($0) } + [.limitPercent, .cacheShare, .growth]

    public var title: String {
        switch self {
        case .name: "NAME"
        case .figure(let figure): figure.column?.title ?? figure.longTitle
        case .limitPercent: "%LIM"
        case .cacheShare: "CACHE"
        case .growth: "WS/s"
        }
    }

    /// Numbers sort highest first by default, names A→Z.
    public var defaultDescending: Bool { self != .name }

    func key(_ pod: PodModel) -> Double {
        switch self {
        case .name: return 0
        case .figure(let figure): return Double(pod.memory[figure] ?? 0)
        case .limitPercent: return pod.memory.limitFraction ?? -1
        case .cacheShare: return pod.cacheShare ?? -1
        case .growth: return pod.growth.workingSetBytesPerSecond ?? 0
        }
    }
}
