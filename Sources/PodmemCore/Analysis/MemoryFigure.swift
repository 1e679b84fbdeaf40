/// One memory figure, declared once: where its value comes from, what it is called in every output, and where it
/// lives in the snapshot document. Tables, sort keys, sparklines, detail charts, the JSON `memory` object and the
/// exporter iterate `all`, in its order; a figure shows up in an output exactly when its entry names it there.
public struct MemoryFigure: Sendable, Hashable, CustomStringConvertible {
    /// One case per figure, in the order outputs list them: a figure's place in `all` and in `MemoryFigures`.
    public enum ID: Int, CaseIterable, Sendable {
        case workingSet, workingSetNoCache, usage, rss, activeFile, inactiveFile, shmem, mappedFile, kernel, limit
    }

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

    /// The figure's growth rate over the window: in the analysis, and as the document rounds it.
    public struct GrowthRate: Sendable {
        public let field: KeyPath<Growth, Double?> & Sendable
        public let documentField: KeyPath<SnapshotGrowth, Double?> & Sendable
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

    /// Identifies the figure (equality, hashing, its place in `all`).
    public let id: ID
    /// What the figure is and which kernel files it comes from, as the exporter's HELP text states it.
    public let source: String
    public let longTitle: String
    /// Always bytes today: every figure is a byte count.
    public let unit = "bytes"
    /// Where the value comes from: one raw counter as read, or a formula over several.
    public enum Reading: Sendable {
        /// The counter itself: a snapshot's value for it is that counter, which a replay puts back.
        case counter(WritableKeyPath<MemoryCounters, UInt64?> & Sendable)
        /// Derived from the counters by the formula `source` states.
        case formula(@Sendable (MemoryCounters) -> UInt64?)
    }

    public let reading: Reading
    /// Its key in the JSON document's `memory` objects.
    public let jsonKey: String
    /// Its value at each poll of a pod's held history, when the history keeps what it derives from.
    public let history: (KeyPath<HistoryPoint, UInt64?> & Sendable)?
    /// Its rate in `growth`, when the analysis gives one.
    public let growthRate: GrowthRate?
    public let metricName: String?
    public let column: Column?
    public let trend: Trend?

    init(
        _ id: ID, source: String, longTitle: String, jsonKey: String, reading: Reading,
        history: (KeyPath<HistoryPoint, UInt64?> & Sendable)? = nil,
        growthRate: GrowthRate? = nil, metricName: String? = nil, column: Column? = nil, trend: Trend? = nil
    ) {
        self.id = id
        self.source = source
        self.longTitle = longTitle
        self.reading = reading
        self.jsonKey = jsonKey
        self.history = history
        self.growthRate = growthRate
        self.metricName = metricName
        self.column = column
        self.trend = trend
    }

    /// The figure from one cgroup's raw counters.
    public func read(_ counters: MemoryCounters) -> UInt64? {
        switch reading {
        case .counter(let counter): counters[keyPath: counter]
        case .formula(let formula): formula(counters)
        }
    }

    public var description: String { "\(id)" }
    public static func == (a: MemoryFigure, b: MemoryFigure) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The figures drawn on one scale with this one.
    public var comparedWith: [MemoryFigure] { Self.trends.filter { $0.trend?.group == trend?.group } }

    /// The figure at each point of `history`; empty when the history does not keep it.
    public func values(_ history: [HistoryPoint]) -> [Double?] {
        guard let series = self.history else { return [] }
        return history.map { $0[keyPath: series].map { Double($0) } }
    }

    public func rate(_ growth: Growth) -> Double? { growthRate.map { growth[keyPath: $0.field] } ?? nil }

    private static let usageSource = "usage = v1 memory.usage_in_bytes, v2 memory.current (v2 root: anon + file)"

    public static let workingSet = MemoryFigure(
        .workingSet,
        source:
            "cAdvisor's working set (container_memory_working_set_bytes, kubelet eviction), bytes: max(0, usage - inactive_file). \(usageSource); inactive_file = v1 total_inactive_file, v2 inactive_file.",
        longTitle: "working set (cAdvisor)",
        jsonKey: "workingSetBytes",
        reading: .formula { WorkingSet.cadvisor(usage: $0.usageBytes, inactiveFile: $0.stat.inactiveFileBytes) },
        history: \HistoryPoint.workingSetBytes,
        growthRate: GrowthRate(
            field: \.workingSetBytesPerSecond, documentField: \.workingSetBytesPerSecond, metricComponent: "working_set"
        ),
        metricName: "podmem_working_set_bytes",
        column: Column(title: "WS", priority: 99),
        trend: Trend(shortTitle: "ws", priority: 50, group: .held))

    public static let workingSetNoCache = MemoryFigure(
        .workingSetNoCache,
        source:
            "working set without any page cache (anon, shmem/tmpfs, kernel), bytes: max(0, usage - inactive_file - active_file). \(usageSource); active_file/inactive_file = v1 total_active_file/total_inactive_file, v2 active_file/inactive_file.",
        longTitle: "working set without cache",
        jsonKey: "workingSetNoCacheBytes",
        reading: .formula {
            WorkingSet.withoutCache(
                usage: $0.usageBytes, inactiveFile: $0.stat.inactiveFileBytes, activeFile: $0.stat.activeFileBytes)
        },
        history: \HistoryPoint.workingSetNoCacheBytes,
        growthRate: GrowthRate(
            field: \.workingSetNoCacheBytesPerSecond, documentField: \.workingSetNoCacheBytesPerSecond,
            metricComponent: "working_set_no_cache"),
        metricName: "podmem_working_set_no_cache_bytes",
        column: Column(title: "WS-NC", priority: 97),
        trend: Trend(shortTitle: "ws-nc", priority: 49, group: .held))

    public static let usage = MemoryFigure(
        .usage,
        source: "memory charged to the cgroup, bytes. \(usageSource).",
        longTitle: "usage",
        jsonKey: "usageBytes",
        reading: .counter(\.usageBytes),
        history: \HistoryPoint.usageBytes,
        growthRate: GrowthRate(
            field: \.usageBytesPerSecond, documentField: \.usageBytesPerSecond, metricComponent: "usage"),
        metricName: "podmem_usage_bytes")

    public static let rss = MemoryFigure(
        .rss,
        source: "anonymous memory, bytes. v1 memory.stat total_rss, v2 memory.stat anon.",
        longTitle: "rss",
        jsonKey: "rssBytes",
        reading: .counter(\.stat.rssBytes),
        history: \HistoryPoint.rssBytes,
        growthRate: GrowthRate(
            field: \.rssBytesPerSecond, documentField: \.rssBytesPerSecond, metricComponent: "rss"),
        metricName: "podmem_rss_bytes",
        column: Column(title: "RSS", priority: 80),
        trend: Trend(shortTitle: "rss", priority: 47, group: .held))

    public static let activeFile = MemoryFigure(
        .activeFile,
        source:
            "page cache on the active file LRU, bytes. v1 memory.stat total_active_file, v2 memory.stat active_file.",
        longTitle: "active_file",
        jsonKey: "activeFileBytes",
        reading: .counter(\.stat.activeFileBytes),
        history: \HistoryPoint.activeFileBytes,
        growthRate: GrowthRate(
            field: \.activeFileBytesPerSecond, documentField: \.activeFileBytesPerSecond, metricComponent: "active_file"
        ),
        metricName: "podmem_active_file_bytes",
        column: Column(title: "ACTIVE", priority: 79),
        trend: Trend(shortTitle: "active", priority: 48, group: .fileCache))

    public static let inactiveFile = MemoryFigure(
        .inactiveFile,
        source:
            "page cache on the inactive file LRU, bytes. v1 memory.stat total_inactive_file, v2 memory.stat inactive_file.",
        longTitle: "inactive_file",
        jsonKey: "inactiveFileBytes",
        reading: .counter(\.stat.inactiveFileBytes),
        history: \HistoryPoint.inactiveFileBytes,
        growthRate: GrowthRate(
            field: \.inactiveFileBytesPerSecond, documentField: \.inactiveFileBytesPerSecond,
            metricComponent: "inactive_file"),
        metricName: "podmem_inactive_file_bytes",
        column: Column(title: "INACTIVE", priority: 78),
        trend: Trend(shortTitle: "inactive", priority: 46, group: .fileCache))

    public static let shmem = MemoryFigure(
        .shmem,
        source:
            "shmem and tmpfs (anon LRU, never counted as reclaimable cache), bytes. v1 memory.stat total_shmem, v2 memory.stat shmem.",
        longTitle: "shmem",
        jsonKey: "shmemBytes",
        reading: .counter(\.stat.shmemBytes),
        metricName: "podmem_shmem_bytes")

    public static let mappedFile = MemoryFigure(
        .mappedFile,
        source:
            "file pages mapped into processes (tmpfs/shmem included), bytes. v1 memory.stat total_mapped_file, v2 memory.stat file_mapped.",
        longTitle: "mapped_file",
        jsonKey: "mappedFileBytes",
        reading: .counter(\.stat.mappedFileBytes))

    public static let kernel = MemoryFigure(
        .kernel,
        source:
            "kernel memory (slab, dentries, stacks, page tables) charged to the cgroup, bytes; absent where the kernel does not say. v1 memory.kmem.usage_in_bytes (read every 10 s; not for the root, whose usage leaves it out), v2 memory.stat kernel (6.x kernels).",
        longTitle: "kernel",
        jsonKey: "kernelBytes",
        reading: .formula { $0.stat.kernelBytes ?? $0.kernelUsageBytes },
        metricName: "podmem_kernel_bytes")

    public static let limit = MemoryFigure(
        .limit,
        source:
            "memory limit, bytes; absent when unlimited. v1 memory.limit_in_bytes (above 2^62 = unlimited), v2 memory.max (max = unlimited).",
        longTitle: "limit",
        jsonKey: "limitBytes",
        reading: .formula { $0.limit?.byteCount },
        metricName: "podmem_limit_bytes")

    /// Every figure, in the order outputs list them (the order of `ID`).
    public static let all: [MemoryFigure] = ID.allCases.map { id in
        switch id {
        case .workingSet: workingSet
        case .workingSetNoCache: workingSetNoCache
        case .usage: usage
        case .rss: rss
        case .activeFile: activeFile
        case .inactiveFile: inactiveFile
        case .shmem: shmem
        case .mappedFile: mappedFile
        case .kernel: kernel
        case .limit: limit
        }
    }

    /// The figures with a table column, left to right.
    public static let columns = all.filter { $0.column != nil }
    /// The figures drawn as sparklines and charts, in order.
    public static let trends = all.filter { $0.trend != nil }
    /// The figures whose rate over the window the growth analysis gives.
    public static let rates = all.filter { $0.growthRate != nil }
}
