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

    /// The title of the column it sorts (`TableColumn`).
    public var title: String {
        switch self {
        case .name: TableColumn<PodModel>.name.title
        case .figure(let figure): TableColumn<PodModel>.figure(figure)?.title ?? figure.longTitle
        case .limitPercent: TableColumn<PodModel>.limitPercent.title
        case .cacheShare: TableColumn<PodModel>.cacheShare.title
        case .growth: TableColumn<PodModel>.workingSetRate.title
        }
    }

    /// What sorting by a table column sorts by; nil for columns that do not sort.
    init?(_ key: TableColumnKey) {
        switch key {
        case .name: self = .name
        case .figure(let figure): self = .figure(figure)
        case .limitPercent: self = .limitPercent
        case .cacheShare: self = .cacheShare
        case .workingSetRate: self = .growth
        case .qos, .limit, .verdict, .trend: return nil
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
