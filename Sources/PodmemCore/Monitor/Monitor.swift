/// The engine every front end shares: polls a source, keeps bounded history, remembers warnings,
/// and answers with derived figures. Batch, JSON and the live screen are views of this one state.
public final class Monitor {
    public let source: MemorySource
    /// Seconds of history the verdict and the sparklines look at (the live screen's span, changed with + and -);
    /// nil means all history held (batch mode: the whole run).
    public var window: Double?
    public let intervalSeconds: Double
    public private(set) var history: MemoryHistory
    public private(set) var latest: Sample?
    /// Distinct warnings of the run, oldest first, at most `maximumWarnings`.
    public private(set) var warnings: [String] = []
    public static let maximumWarnings = 100
    private var warningSet: Set<String> = []
    /// The per-file page cache engine, when the front end enabled it; its reports join the snapshot documents.
    public var cacheFiles: CacheFileMonitor?

    public init(source: MemorySource, window: Double?, intervalSeconds: Double, plan: HistoryPlan) {
        self.source = source
        self.window = window
        self.intervalSeconds = intervalSeconds
        history = MemoryHistory(plan: plan)
    }

    /// Raw history only, `historyCapacity` points per series.
    public convenience init(source: MemorySource, window: Double?, intervalSeconds: Double, historyCapacity: Int) {
        self.init(source: source, window: window, intervalSeconds: intervalSeconds,
                  plan: HistoryPlan(rawCapacity: historyCapacity, intervalSeconds: intervalSeconds))
    }

    @discardableResult
    public func poll(at timestamp: Double) -> Sample {
        latest = nil  // a busy node's sample is megabytes: never hold two
        let sample = source.sample(at: timestamp)
        history.ingest(sample)
        latest = sample
        for warning in sample.warnings where warnings.count < Self.maximumWarnings && warningSet.insert(warning).inserted {
            warnings.append(warning)
        }
        return sample
    }

    /// Scans the files of the workloads in `cgroups` (nil: all) for the latest poll: one time budget each, or
    /// `toCompletion` (batch mode, which has no next refresh). Nothing without `cacheFiles` or before a poll.
    public func refreshCacheFiles(cgroups: Set<String>?, toCompletion: Bool) {
        guard let latest, let cacheFiles else { return }
        cacheFiles.refresh(latest, cgroups: cgroups, toCompletion: toCompletion)
    }

    /// The verdict over `window`. `fresh: false` lets a verdict be up to 1/32 of the window old (at most a minute
    /// of polls): a screen redrawing every poll then pays for each series' analysis only every few polls.
    public func growth(cgroup: String, inode: UInt64, fresh: Bool = true) -> Growth {
        var maximumAge = 1
        if !fresh, let window, intervalSeconds > 0 {
            maximumAge = min(60, max(1, Int(saturating: window / 32 / intervalSeconds)))
        }
        return history.growth(cgroup: cgroup, inode: inode, window: window, maximumAgePolls: maximumAge)
    }

    /// Seconds of history held at the latest poll (0 before it): less than `window` until the span has filled.
    public var heldSeconds: Double {
        latest.map { history.heldSeconds(at: $0.timestamp) } ?? 0
    }

    /// The `podmem.snapshot/1` document for the latest poll; nil before the first poll.
    /// `detailed` (cgroups of pods) limits the window's history and the containers to those pods, for a live
    /// screen that redraws every poll and lists pods only; others keep their newest
    /// `SnapshotBuilder.briefHistoryPoints` points, a verdict that may be a few polls old and no containers.
    /// nil: everything, fresh, with all history held.
    /// `historyFor` limits the history carried to the given pods: a busy node's list shows a few dozen rows of
    /// thousands, and an exporter shows none; their histories would be most of the document. nil: every pod.
    public func snapshot(detailed: Set<String>? = nil, historyFor: Set<String>? = nil) -> SnapshotDocument? {
        guard let latest else { return nil }
        return SnapshotBuilder(monitor: self, detailed: detailed, historyFor: historyFor).document(latest)
    }
}
