/// The engine every front end shares: takes the samples pushed into it (a live poll, a replayed recording, a test),
/// keeps bounded history, remembers warnings, and answers with the model (`MemoryModel`). Batch, JSON, the exporter
/// and the screens are views of this one state; whoever feeds it owns it.
public final class Monitor {
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

    public init(window: Double?, intervalSeconds: Double, plan: HistoryPlan) {
        self.window = window
        self.intervalSeconds = intervalSeconds
        history = MemoryHistory(plan: plan)
    }

    /// Raw history only, `historyCapacity` points per series.
    public convenience init(window: Double?, intervalSeconds: Double, historyCapacity: Int) {
        self.init(
            window: window, intervalSeconds: intervalSeconds,
            plan: HistoryPlan(rawCapacity: historyCapacity, intervalSeconds: intervalSeconds))
    }

    /// Adds the next sample (newer than the last) to history; it becomes the latest.
    public func ingest(_ sample: Sample) {
        latest = nil  // a busy node's sample is megabytes: never hold two
        history.ingest(sample)
        latest = sample
        for warning in sample.warnings
        where warnings.count < Self.maximumWarnings && warningSet.insert(warning).inserted {
            warnings.append(warning)
        }
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

    /// The model of the latest poll, as much of it as `scope` asks for; nil before the first poll.
    public func model(_ scope: ModelScope = .everything) -> MemoryModel? {
        guard let latest else { return nil }
        return ModelBuilder(monitor: self, scope: scope).model(latest)
    }
}
