/// One cgroup's figures, each as its `MemoryFigure` entry derives it from the raw counters: what every output shows.
/// Nil is unknown (or, for the limit, unlimited). In the JSON document it is the `memory` object, every figure under
/// its catalogue key, nil as an explicit `null`.
public struct MemoryFigures: Sendable, Equatable, Codable {
    /// By `MemoryFigure.ID`.
    private var values: [UInt64?]

    public init(_ counters: MemoryCounters) {
        values = MemoryFigure.all.map { $0.read(counters) }
    }

    /// Every figure unknown.
    public init() {
        values = Array(repeating: nil, count: MemoryFigure.all.count)
    }

    public subscript(figure: MemoryFigure) -> UInt64? {
        get { values[figure.id.rawValue] }
        set { values[figure.id.rawValue] = newValue }
    }

    /// active_file + inactive_file, the page cache on the file LRU lists; nil when either is unknown.
    public var fileLRUBytes: UInt64? {
        self[.activeFile].flatMap { active in self[.inactiveFile].map { active + $0 } }
    }

    /// The share of the working set that is page cache (`WorkingSet.cacheShare`).
    public var cacheShare: Double? {
        WorkingSet.cacheShare(workingSet: self[.workingSet], workingSetNoCache: self[.workingSetNoCache])
    }

    /// The working set as a fraction of the limit (%LIM); nil when unlimited, unknown or a zero limit.
    public var limitFraction: Double? {
        guard let limit = self[.limit], limit > 0, let workingSet = self[.workingSet] else { return nil }
        return Double(workingSet) / Double(limit)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: FigureKey.self)
        for figure in MemoryFigure.all { try container.encode(self[figure], forKey: FigureKey(figure)) }
    }

    public init(from decoder: Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: FigureKey.self)
        for figure in MemoryFigure.all {
            self[figure] = try container.decodeIfPresent(UInt64.self, forKey: FigureKey(figure))
        }
    }

    private struct FigureKey: CodingKey {
        let stringValue: String
        init(_ figure: MemoryFigure) { stringValue = figure.jsonKey }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}
