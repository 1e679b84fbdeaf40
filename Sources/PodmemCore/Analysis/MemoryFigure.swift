/// One memory figure, declared once: where its value comes from, what it is called in every output, and where it
/// lives in the snapshot document. Tables, sort keys, sparklines, detail charts, the JSON `memory` object and the
/// exporter iterate `all`, in its order; a figure shows up in an output exactly when its entry names it there.
public struct MemoryFigure: Sendable, Hashable, CustomStringConvertible {
    /// The series drawn on one chart scale (see `ChartScale`).
    public enum ChartGroup: Sendable {
        /// What the cgroup holds, with and without cache: the working sets and rss.
        case held
        /// The two file LRU lists.
        case fileCache
    }

    /// A table column of the figure: its title and how long it stays when the width runs out (higher stays longer).
    public struct Column: Sendable {
        public let title: String
        public let priority: Int
    }

    /// The figure's growth rate over the window.
    public struct GrowthRate: Sendable {
        public let field: KeyPath<SnapshotGrowth, Double?> & Sendable
        /// The `component` label of the rate in `podmem_growth_bytes_per_second`.
        public let metricComponent: String
    }

    /// A sparkline (pod list) and a chart (detail screen) of the figure's history.
    public struct Trend: Sendable {
        /// The list's column title and the chart's label when a chart is one row high.
        public let shortTitle: String
        public let priority: Int
        public let group: ChartGroup
    }

    /// Identifies the figure (equality, hashing, `description`).
    public let name: String
    /// What the figure is and which kernel files it comes from, as the exporter's HELP text states it.
    public let source: String
    public let longTitle: String
    /// Always bytes today: every figure is a byte count.
    public let unit = "bytes"
    /// The figure's value among a cgroup's figures.
    public let value: KeyPath<MemoryFigures, UInt64?> & Sendable
    /// Its key in the JSON document's `memory` objects, and the field behind it.
    public let jsonKey: String
    public let field: WritableKeyPath<SnapshotMemory, UInt64?> & Sendable
    /// Its series in a pod's `history`, when the document holds one.
    public let history: (KeyPath<SnapshotHistory, [UInt64?]> & Sendable)?
    /// Its rate in `growth`, when the analysis gives one.
    public let growthRate: GrowthRate?
    public let metricName: String?
    public let column: Column?
    public let trend: Trend?

    init(
        name: String, source: String, longTitle: String, value: KeyPath<MemoryFigures, UInt64?> & Sendable,
        jsonKey: String,
        field: WritableKeyPath<SnapshotMemory, UInt64?> & Sendable,
        history: (KeyPath<SnapshotHistory, [UInt64?]> & Sendable)? = nil,
        growthRate: GrowthRate? = nil, metricName: String? = nil, column: Column? = nil, trend: Trend? = nil
    ) {
        self.name = name
        self.source = source
        self.longTitle = longTitle
        self.value = value
        self.jsonKey = jsonKey
        self.field = field
        self.history = history
        self.growthRate = growthRate
        self.metricName = metricName
        self.column = column
        self.trend = trend
    }

    public var description: String { name }
    public static func == (a: MemoryFigure, b: MemoryFigure) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// The figures drawn on one scale with this one.
    public var comparedWith: [MemoryFigure] { Self.trends.filter { $0.trend?.group == trend?.group } }

    public func values(_ history: SnapshotHistory) -> [Double?] {
        guard let series = self.history else { return [] }
        return history[keyPath: series].map { $0.map { Double($0) } }
    }

    public func current(_ memory: SnapshotMemory) -> UInt64? { memory[keyPath: field] }

    public func rate(_ growth: SnapshotGrowth) -> Double? { growthRate.map { growth[keyPath: $0.field] } ?? nil }

    private static let usageSource = "usage = v1 memory.usage_in_bytes, v2 memory.current (v2 root: anon + file)"

    public static let workingSet = MemoryFigure(
        name: "workingSet",
        source:
            "cAdvisor's working set (container_memory_working_set_bytes, kubelet eviction), bytes: max(0, usage - inactive_file). \(usageSource); inactive_file = v1 total_inactive_file, v2 inactive_file.",
        longTitle: "working set (cAdvisor)",
        value: \.workingSetBytes,
        jsonKey: "workingSetBytes",
        field: \.workingSetBytes,
        history: \SnapshotHistory.workingSetBytes,
        growthRate: GrowthRate(field: \.workingSetBytesPerSecond, metricComponent: "working_set"),
        metricName: "podmem_working_set_bytes",
        column: Column(title: "WS", priority: 99),
        trend: Trend(shortTitle: "ws", priority: 50, group: .held))

    public static let workingSetNoCache = MemoryFigure(
        name: "workingSetNoCache",
        source:
            "working set without any page cache (anon, shmem/tmpfs, kernel), bytes: max(0, usage - inactive_file - active_file). \(usageSource); active_file/inactive_file = v1 total_active_file/total_inactive_file, v2 active_file/inactive_file.",
        longTitle: "working set without cache",
        value: \.workingSetNoCacheBytes,
        jsonKey: "workingSetNoCacheBytes",
        field: \.workingSetNoCacheBytes,
        history: \SnapshotHistory.workingSetNoCacheBytes,
        growthRate: GrowthRate(field: \.workingSetNoCacheBytesPerSecond, metricComponent: "working_set_no_cache"),
        metricName: "podmem_working_set_no_cache_bytes",
        column: Column(title: "WS-NC", priority: 97),
        trend: Trend(shortTitle: "ws-nc", priority: 49, group: .held))

    public static let usage = MemoryFigure(
        name: "usage",
        source: "memory charged to the cgroup, bytes. \(usageSource).",
        longTitle: "usage",
        value: \.usageBytes,
        jsonKey: "usageBytes",
        field: \.usageBytes,
        history: \SnapshotHistory.usageBytes,
        growthRate: GrowthRate(field: \.usageBytesPerSecond, metricComponent: "usage"),
        metricName: "podmem_usage_bytes")

    public static let rss = MemoryFigure(
        name: "rss",
        source: "anonymous memory, bytes. v1 memory.stat total_rss, v2 memory.stat anon.",
        longTitle: "rss",
        value: \.rssBytes,
        jsonKey: "rssBytes",
        field: \.rssBytes,
        history: \SnapshotHistory.rssBytes,
        growthRate: GrowthRate(field: \.rssBytesPerSecond, metricComponent: "rss"),
        metricName: "podmem_rss_bytes",
        column: Column(title: "RSS", priority: 80),
        trend: Trend(shortTitle: "rss", priority: 47, group: .held))

    public static let activeFile = MemoryFigure(
        name: "activeFile",
        source:
            "page cache on the active file LRU, bytes. v1 memory.stat total_active_file, v2 memory.stat active_file.",
        longTitle: "active_file",
        value: \.activeFileBytes,
        jsonKey: "activeFileBytes",
        field: \.activeFileBytes,
        history: \SnapshotHistory.activeFileBytes,
        growthRate: GrowthRate(field: \.activeFileBytesPerSecond, metricComponent: "active_file"),
        metricName: "podmem_active_file_bytes",
        column: Column(title: "ACTIVE", priority: 79),
        trend: Trend(shortTitle: "active", priority: 48, group: .fileCache))

    public static let inactiveFile = MemoryFigure(
        name: "inactiveFile",
        source:
            "page cache on the inactive file LRU, bytes. v1 memory.stat total_inactive_file, v2 memory.stat inactive_file.",
        longTitle: "inactive_file",
        value: \.inactiveFileBytes,
        jsonKey: "inactiveFileBytes",
        field: \.inactiveFileBytes,
        history: \SnapshotHistory.inactiveFileBytes,
        growthRate: GrowthRate(field: \.inactiveFileBytesPerSecond, metricComponent: "inactive_file"),
        metricName: "podmem_inactive_file_bytes",
        column: Column(title: "INACTIVE", priority: 78),
        trend: Trend(shortTitle: "inactive", priority: 46, group: .fileCache))

    public static let shmem = MemoryFigure(
        name: "shmem",
        source:
            "shmem and tmpfs (anon LRU, never counted as reclaimable cache), bytes. v1 memory.stat total_shmem, v2 memory.stat shmem.",
        longTitle: "shmem",
        value: \.shmemBytes,
        jsonKey: "shmemBytes",
        field: \.shmemBytes,
        metricName: "podmem_shmem_bytes")

    public static let mappedFile = MemoryFigure(
        name: "mappedFile",
        source:
            "file pages mapped into processes (tmpfs/shmem included), bytes. v1 memory.stat total_mapped_file, v2 memory.stat file_mapped.",
        longTitle: "mapped_file",
        value: \.mappedFileBytes,
        jsonKey: "mappedFileBytes",
        field: \.mappedFileBytes)

    public static let kernel = MemoryFigure(
        name: "kernel",
        source:
            "kernel memory (slab, dentries, stacks, page tables) charged to the cgroup, bytes; absent where the kernel does not say. v1 memory.kmem.usage_in_bytes (read every 10 s; not for the root, whose usage leaves it out), v2 memory.stat kernel (6.x kernels).",
        longTitle: "kernel",
        value: \.kernelBytes,
        jsonKey: "kernelBytes",
        field: \.kernelBytes,
        metricName: "podmem_kernel_bytes")

    public static let limit = MemoryFigure(
        name: "limit",
        source:
            "memory limit, bytes; absent when unlimited. v1 memory.limit_in_bytes (above 2^62 = unlimited), v2 memory.max (max = unlimited).",
        longTitle: "limit",
        value: \.limitBytes,
        jsonKey: "limitBytes",
        field: \.limitBytes,
        metricName: "podmem_limit_bytes")

    /// Every figure, in the order outputs list them.
    public static let all: [MemoryFigure] = [
        workingSet, workingSetNoCache, usage, rss, activeFile, inactiveFile, shmem, mappedFile, kernel, limit,
    ]

    /// The figures with a table column, left to right.
    public static let columns = all.filter { $0.column != nil }
    /// The figures drawn as sparklines and charts, in order.
    public static let trends = all.filter { $0.trend != nil }
    /// The figures whose rate over the window the growth analysis gives.
    public static let rates = all.filter { $0.growthRate != nil }
}
