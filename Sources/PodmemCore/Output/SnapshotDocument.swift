/// `podmem.snapshot/1`: what `--batch --json` prints and the UI's snapshot key writes.
/// Bytes are integers; unknown and unlimited values are `null` (encoded explicitly, never omitted: `ExplicitNullEncodable`).
public struct SnapshotDocument: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public static let schemaName = "podmem.snapshot/1"

    public var schema: String
    public var takenAt: String
    public var host: String
    public var cgroupVersion: Int
    public var root: String
    public var intervalSeconds: Double
    public var windowSeconds: Double?
    public var warnings: [String]
    public var node: SnapshotNode
    public var pods: [SnapshotPod]
}

/// Node-wide figures, as kubelet computes its `memory.available` eviction signal.
public struct SnapshotNode: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public var memTotalBytes: UInt64?
    /// The root cgroup's `usage − inactive_file`.
    public var workingSetBytes: UInt64?
    public var workingSetNoCacheBytes: UInt64?
    /// kubelet: `MemTotal − root working set` (floored at 0).
    public var availableBytes: UInt64?
    /// The same with active page cache counted as available: `MemTotal − root workingSetNoCache`.
    public var availableNoCacheBytes: UInt64?
}

/// One cgroup's normalized and derived memory figures.
public struct SnapshotMemory: Codable, Sendable, Equatable {
    public var usageBytes: UInt64?
    public var rssBytes: UInt64?
    public var activeFileBytes: UInt64?
    public var inactiveFileBytes: UInt64?
    public var shmemBytes: UInt64?
    public var mappedFileBytes: UInt64?
    public var kernelBytes: UInt64?
    public var workingSetBytes: UInt64?
    public var workingSetNoCacheBytes: UInt64?
    public var limitBytes: UInt64?

    public init(_ figures: MemoryFigures) {
        for figure in MemoryFigure.all { self[keyPath: figure.field] = figures[keyPath: figure.value] }
    }

    /// Each figure under its catalogue key; unknown and unlimited as explicit `null`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        for figure in MemoryFigure.all { try c.encode(self[keyPath: figure.field], forKey: FigureKey(figure)) }
    }

    /// The working set as a fraction of the limit (%LIM); nil when unlimited, unknown or a zero limit.
    public var limitFraction: Double? {
        guard let limit = limitBytes, limit > 0, let workingSet = workingSetBytes else { return nil }
        return Double(workingSet) / Double(limit)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: FigureKey.self)
        for figure in MemoryFigure.all {
            self[keyPath: figure.field] = try c.decodeIfPresent(UInt64.self, forKey: FigureKey(figure))
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

/// Growth rates (bytes/second, Theil–Sen over the window), what happened over the window, and the verdict.
public struct SnapshotGrowth: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public var `class`: GrowthClass
    public var windowSeconds: Double
    public var samples: Int
    /// Change of the working set that counts as growth: `max(4 MiB, 1% of its median, 3 σ of its own noise)`.
    public var thresholdBytes: Double
    /// The same for the working set without cache.
    public var noCacheThresholdBytes: Double?
    /// The working set's last bucket mean minus its first (see `Growth.netBytes`).
    public var netBytes: Int64?
    /// The working set's highest bucket mean minus its first.
    public var peakBytes: Int64?
    /// When that bucket was (the mean time of its samples), as `takenAt`.
    public var peakAt: String?
    /// The working set without cache: last bucket mean minus first.
    public var noCacheNetBytes: Int64?
    public var workingSetBytesPerSecond: Double?
    public var workingSetNoCacheBytesPerSecond: Double?
    public var usageBytesPerSecond: Double?
    public var rssBytesPerSecond: Double?
    public var activeFileBytesPerSecond: Double?
    public var inactiveFileBytesPerSecond: Double?
    /// The verdict in words (`VerdictSentence`), as the detail screen and `report` print it; null where the
    /// document leaves it out (rows of the live list, the exporter's document).
    public var summary: String?

    public init(_ growth: Growth) {
        `class` = growth.growthClass
        windowSeconds = Self.round(growth.windowSeconds, 1000)
        samples = growth.sampleCount
        thresholdBytes = growth.thresholdBytes.rounded()
        noCacheThresholdBytes = growth.growthClass == .unknown ? nil : growth.noCacheThresholdBytes.rounded()
        netBytes = growth.netBytes.map { Int64($0.rounded()) }
        peakBytes = growth.peakBytes.map { Int64($0.rounded()) }
        peakAt = growth.peakTime.map(Timestamp.iso8601)
        noCacheNetBytes = growth.noCacheNetBytes.map { Int64($0.rounded()) }
        workingSetBytesPerSecond = growth.workingSetBytesPerSecond.map { Self.round($0, 10) }
        workingSetNoCacheBytesPerSecond = growth.workingSetNoCacheBytesPerSecond.map { Self.round($0, 10) }
        usageBytesPerSecond = growth.usageBytesPerSecond.map { Self.round($0, 10) }
        rssBytesPerSecond = growth.rssBytesPerSecond.map { Self.round($0, 10) }
        activeFileBytesPerSecond = growth.activeFileBytesPerSecond.map { Self.round($0, 10) }
        inactiveFileBytesPerSecond = growth.inactiveFileBytesPerSecond.map { Self.round($0, 10) }
    }

    private static func round(_ value: Double, _ scale: Double) -> Double { (value * scale).rounded() / scale }
}

/// Kernel signals that tell reclaimed cache from cache merely sitting on the active list.
public struct SnapshotSignals: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public var failCount: UInt64?
    public var oomEvents: UInt64?
    public var oomKillEvents: UInt64?
    public var highEvents: UInt64?
    public var maxEvents: UInt64?
    public var workingsetRefaultFile: UInt64?
    public var pressureSomeAvg10: Double?
    public var pressureSomeAvg60: Double?
    public var pressureFullAvg10: Double?
    public var pressureFullAvg60: Double?

    public init(_ counters: MemoryCounters) {
        failCount = counters.failCount
        oomEvents = counters.events?.oom
        oomKillEvents = counters.events?.oomKill
        highEvents = counters.events?.high
        maxEvents = counters.events?.max
        workingsetRefaultFile = counters.stat.workingsetRefaultFile
        pressureSomeAvg10 = counters.pressure?.someAvg10
        pressureSomeAvg60 = counters.pressure?.someAvg60
        pressureFullAvg10 = counters.pressure?.fullAvg10
        pressureFullAvg60 = counters.pressure?.fullAvg60
    }
}

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

public struct SnapshotContainer: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var sandbox: Bool
    public var cgroup: String
    public var runtime: String?
    public var memory: SnapshotMemory
    public var cacheShare: Double?
    public var growth: SnapshotGrowth
    public var signals: SnapshotSignals
}

public struct SnapshotPod: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public var kind: WorkloadKind
    public var uid: String?
    public var namespace: String?
    public var name: String?
    public var qos: QoSClass?
    public var cgroup: String
    public var runtime: String?
    public var memory: SnapshotMemory
    public var cacheShare: Double?
    public var growth: SnapshotGrowth
    public var signals: SnapshotSignals
    public var history: SnapshotHistory
    public var containers: [SnapshotContainer]
    /// With `--cache-files` (and for the pod on the detail screen): its largest files in the page cache, the share of
    /// its file LRU they hold, and what could not be seen. Absent otherwise.
    public var cacheFiles: [CacheFileEntry]? = nil
    public var cacheFilesCoverage: Double? = nil
    public var cacheFilesProblems: [String]? = nil

    /// The cache-file keys are in the document only with a cache-file report.
    public func omitsProperty(_ label: String) -> Bool { cacheFiles == nil && label.hasPrefix("cacheFiles") }

    /// What every output calls the workload: `namespace/name` for pods, its name otherwise, `pod <uid>` for a pod
    /// nothing names, else the cgroup path. Raw host text: sanitise it before it reaches a terminal.
    public var displayName: String {
        switch (namespace, name) {
        case (let namespace?, let name?) where !namespace.isEmpty: "\(namespace)/\(name)"
        case (_, let name?): name
        default: uid.map { "pod \($0)" } ?? cgroup
        }
    }
}
