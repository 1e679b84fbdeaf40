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

    // The figures the analysis and the screens name, by their catalogue entries.
    public var usageBytes: UInt64? {
        get { self[.usage] }
        set { self[.usage] = newValue }
    }
    public var rssBytes: UInt64? {
        get { self[.rss] }
        set { self[.rss] = newValue }
    }
    public var activeFileBytes: UInt64? {
        get { self[.activeFile] }
        set { self[.activeFile] = newValue }
    }
    public var inactiveFileBytes: UInt64? {
        get { self[.inactiveFile] }
        set { self[.inactiveFile] = newValue }
    }
    public var mappedFileBytes: UInt64? {
        get { self[.mappedFile] }
        set { self[.mappedFile] = newValue }
    }
    public var shmemBytes: UInt64? {
        get { self[.shmem] }
        set { self[.shmem] = newValue }
    }
    public var kernelBytes: UInt64? {
        get { self[.kernel] }
        set { self[.kernel] = newValue }
    }
    public var workingSetBytes: UInt64? {
        get { self[.workingSet] }
        set { self[.workingSet] = newValue }
    }
    public var workingSetNoCacheBytes: UInt64? {
        get { self[.workingSetNoCache] }
        set { self[.workingSetNoCache] = newValue }
    }
    public var limitBytes: UInt64? {
        get { self[.limit] }
        set { self[.limit] = newValue }
    }

    /// active_file + inactive_file, the page cache on the file LRU lists; nil when either is unknown.
    public var fileLRUBytes: UInt64? {
        activeFileBytes.flatMap { active in inactiveFileBytes.map { active + $0 } }
    }

    /// The share of the working set that is page cache (`WorkingSet.cacheShare`).
    public var cacheShare: Double? {
        WorkingSet.cacheShare(workingSet: workingSetBytes, workingSetNoCache: workingSetNoCacheBytes)
    }

    /// The working set as a fraction of the limit (%LIM); nil when unlimited, unknown or a zero limit.
    public var limitFraction: Double? {
        guard let limit = limitBytes, limit > 0, let workingSet = workingSetBytes else { return nil }
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
