/// `podmem.snapshot/1`: what `--batch --json` prints and the UI's snapshot key writes.
/// Bytes are integers; unknown and unlimited values are `null` (encoded explicitly, never omitted).
public struct SnapshotDocument: Codable, Sendable, Equatable {
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

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(takenAt, forKey: .takenAt)
        try c.encode(host, forKey: .host)
        try c.encode(cgroupVersion, forKey: .cgroupVersion)
        try c.encode(root, forKey: .root)
        try c.encode(intervalSeconds, forKey: .intervalSeconds)
        try c.encode(windowSeconds, forKey: .windowSeconds)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(node, forKey: .node)
        try c.encode(pods, forKey: .pods)
    }
}

/// Node-wide figures, as kubelet computes its `memory.available` eviction signal.
public struct SnapshotNode: Codable, Sendable, Equatable {
    public var memTotalBytes: UInt64?
    /// The root cgroup's `usage − inactive_file`.
    public var workingSetBytes: UInt64?
    public var workingSetNoCacheBytes: UInt64?
    /// kubelet: `MemTotal − root working set` (floored at 0).
    public var availableBytes: UInt64?
    /// The same with active page cache counted as available: `MemTotal − root workingSetNoCache`.
    public var availableNoCacheBytes: UInt64?

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(memTotalBytes, forKey: .memTotalBytes)
        try c.encode(workingSetBytes, forKey: .workingSetBytes)
        try c.encode(workingSetNoCacheBytes, forKey: .workingSetNoCacheBytes)
        try c.encode(availableBytes, forKey: .availableBytes)
        try c.encode(availableNoCacheBytes, forKey: .availableNoCacheBytes)
    }
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
        usageBytes = figures.usageBytes
        rssBytes = figures.rssBytes
        activeFileBytes = figures.activeFileBytes
        inactiveFileBytes = figures.inactiveFileBytes
        shmemBytes = figures.shmemBytes
        mappedFileBytes = figures.mappedFileBytes
        kernelBytes = figures.kernelBytes
        workingSetBytes = figures.workingSetBytes
        workingSetNoCacheBytes = figures.workingSetNoCacheBytes
        limitBytes = figures.limitBytes
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(usageBytes, forKey: .usageBytes)
        try c.encode(rssBytes, forKey: .rssBytes)
        try c.encode(activeFileBytes, forKey: .activeFileBytes)
        try c.encode(inactiveFileBytes, forKey: .inactiveFileBytes)
        try c.encode(shmemBytes, forKey: .shmemBytes)
        try c.encode(mappedFileBytes, forKey: .mappedFileBytes)
        try c.encode(kernelBytes, forKey: .kernelBytes)
        try c.encode(workingSetBytes, forKey: .workingSetBytes)
        try c.encode(workingSetNoCacheBytes, forKey: .workingSetNoCacheBytes)
        try c.encode(limitBytes, forKey: .limitBytes)
    }
}

/// Growth rates (bytes/second, Theil–Sen over the window), what happened over the window, and the verdict.
public struct SnapshotGrowth: Codable, Sendable, Equatable {
    public var `class`: String
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
        `class` = growth.growthClass.rawValue
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

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(`class`, forKey: .class)
        try c.encode(windowSeconds, forKey: .windowSeconds)
        try c.encode(samples, forKey: .samples)
        try c.encode(thresholdBytes, forKey: .thresholdBytes)
        try c.encode(noCacheThresholdBytes, forKey: .noCacheThresholdBytes)
        try c.encode(netBytes, forKey: .netBytes)
        try c.encode(peakBytes, forKey: .peakBytes)
        try c.encode(peakAt, forKey: .peakAt)
        try c.encode(noCacheNetBytes, forKey: .noCacheNetBytes)
        try c.encode(workingSetBytesPerSecond, forKey: .workingSetBytesPerSecond)
        try c.encode(workingSetNoCacheBytesPerSecond, forKey: .workingSetNoCacheBytesPerSecond)
        try c.encode(usageBytesPerSecond, forKey: .usageBytesPerSecond)
        try c.encode(rssBytesPerSecond, forKey: .rssBytesPerSecond)
        try c.encode(activeFileBytesPerSecond, forKey: .activeFileBytesPerSecond)
        try c.encode(inactiveFileBytesPerSecond, forKey: .inactiveFileBytesPerSecond)
        try c.encode(summary, forKey: .summary)
    }
}

/// Kernel signals that tell reclaimed cache from cache merely sitting on the active list.
public struct SnapshotSignals: Codable, Sendable, Equatable {
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

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(failCount, forKey: .failCount)
        try c.encode(oomEvents, forKey: .oomEvents)
        try c.encode(oomKillEvents, forKey: .oomKillEvents)
        try c.encode(highEvents, forKey: .highEvents)
        try c.encode(maxEvents, forKey: .maxEvents)
        try c.encode(workingsetRefaultFile, forKey: .workingsetRefaultFile)
        try c.encode(pressureSomeAvg10, forKey: .pressureSomeAvg10)
        try c.encode(pressureSomeAvg60, forKey: .pressureSomeAvg60)
        try c.encode(pressureFullAvg10, forKey: .pressureFullAvg10)
        try c.encode(pressureFullAvg60, forKey: .pressureFullAvg60)
    }
}

/// The pod cgroup's held history, oldest first; `null` marks a value that could not be read.
public struct SnapshotHistory: Codable, Sendable, Equatable {
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

public struct SnapshotContainer: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var sandbox: Bool
    public var cgroup: String
    public var runtime: String?
    public var memory: SnapshotMemory
    public var cacheShare: Double?
    public var growth: SnapshotGrowth
    public var signals: SnapshotSignals

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(sandbox, forKey: .sandbox)
        try c.encode(cgroup, forKey: .cgroup)
        try c.encode(runtime, forKey: .runtime)
        try c.encode(memory, forKey: .memory)
        try c.encode(cacheShare, forKey: .cacheShare)
        try c.encode(growth, forKey: .growth)
        try c.encode(signals, forKey: .signals)
    }
}

public struct SnapshotPod: Codable, Sendable, Equatable {
    public var kind: String
    public var uid: String?
    public var namespace: String?
    public var name: String?
    public var qos: String?
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

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(uid, forKey: .uid)
        try c.encode(namespace, forKey: .namespace)
        try c.encode(name, forKey: .name)
        try c.encode(qos, forKey: .qos)
        try c.encode(cgroup, forKey: .cgroup)
        try c.encode(runtime, forKey: .runtime)
        try c.encode(memory, forKey: .memory)
        try c.encode(cacheShare, forKey: .cacheShare)
        try c.encode(growth, forKey: .growth)
        try c.encode(signals, forKey: .signals)
        try c.encode(history, forKey: .history)
        try c.encode(containers, forKey: .containers)
        if let cacheFiles {
            try c.encode(cacheFiles, forKey: .cacheFiles)
            try c.encode(cacheFilesCoverage, forKey: .cacheFilesCoverage)
            try c.encode(cacheFilesProblems ?? [], forKey: .cacheFilesProblems)
        }
    }
}
