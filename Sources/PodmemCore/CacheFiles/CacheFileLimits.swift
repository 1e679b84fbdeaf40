import Glibc

/// How much one refresh of the cache-files engine may cost, and how many files it keeps.
public struct CacheFileLimits: Sendable {
    /// Time one refresh may spend on one pod; a scan that needs more continues at the next refresh.
    public var budgetSeconds: Double
    /// Candidate files per pod per scan; more are counted and reported, not examined.
    public var maximumCandidates: Int
    /// Files listed per pod, largest first.
    public var shownFiles: Int
    /// Entries a walk of the log directory or the emptyDir volumes looks at, and how deep it goes.
    public var maximumWalkEntries: Int
    public var maximumWalkDepth: Int

    public init(
        budgetSeconds: Double = 0.020, maximumCandidates: Int = 10_000, shownFiles: Int = 20,
        maximumWalkEntries: Int = 4_096, maximumWalkDepth: Int = 8
    ) {
        self.budgetSeconds = budgetSeconds
        self.maximumCandidates = maximumCandidates
        self.shownFiles = shownFiles
        self.maximumWalkEntries = maximumWalkEntries
        self.maximumWalkDepth = maximumWalkDepth
    }

    /// `CLOCK_MONOTONIC` in seconds: what budgets are measured with.
    public static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
