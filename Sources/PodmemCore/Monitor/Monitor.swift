/// The engine every front end shares: polls a source, keeps bounded history, remembers warnings,
/// and answers with derived figures. Batch, JSON and the live screen are views of this one state.
public final class Monitor {
    public let source: MemorySource
    /// Seconds of history the verdict looks at; nil means all history held (batch mode: the whole run).
    public let window: Double?
    public let intervalSeconds: Double
    public private(set) var history: MemoryHistory
    public private(set) var latest: Sample?
    /// Distinct warnings of the run, oldest first, at most `maximumWarnings`.
    public private(set) var warnings: [String] = []
    public static let maximumWarnings = 100
    private var warningSet: Set<String> = []

    public init(source: MemorySource, window: Double?, intervalSeconds: Double, historyCapacity: Int) {
        self.source = source
        self.window = window
        self.intervalSeconds = intervalSeconds
        history = MemoryHistory(capacity: historyCapacity)
    }

    @discardableResult
    public func poll(at timestamp: Double) -> Sample {
        let sample = source.sample(at: timestamp)
        history.ingest(sample)
        latest = sample
        for warning in sample.warnings where warnings.count < Self.maximumWarnings && warningSet.insert(warning).inserted {
            warnings.append(warning)
        }
        return sample
    }

    public func growth(cgroup: String, inode: UInt64) -> Growth {
        GrowthAnalyzer.analyze(history.points(cgroup: cgroup, inode: inode), window: window)
    }

    /// The `podmem.snapshot/1` document for the latest poll; nil before the first poll.
    /// `detailed` (cgroups of pods) limits the full history and container growth to those pods, for a live screen
    /// that redraws every poll; others keep their newest `SnapshotBuilder.briefHistoryPoints` points. nil: everything.
    public func snapshot(detailed: Set<String>? = nil) -> SnapshotDocument? {
        guard let latest else { return nil }
        return SnapshotBuilder(monitor: self, detailed: detailed).document(latest)
    }
}
