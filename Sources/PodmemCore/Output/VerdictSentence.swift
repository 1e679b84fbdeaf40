/// One or two sentences that state a verdict in words, for the detail view and reports, e.g.
/// "working set +180 MiB in 5 min, 95% of it active page cache: reclaimable, not a leak."
public enum VerdictSentence {
    public static func describe(growth: SnapshotGrowth, memory: SnapshotMemory) -> String {
        let span = duration(growth.windowSeconds)
        let change = (growth.workingSetBytesPerSecond ?? 0) * growth.windowSeconds
        let cache = max(0, (growth.activeFileBytesPerSecond ?? 0) * growth.windowSeconds)
        let anon = max(0, (growth.workingSetNoCacheBytesPerSecond ?? 0) * growth.windowSeconds)
        let cacheShare = cache + anon > 0 ? cache / (cache + anon) : 0
        let delta = (change >= 0 ? "+" : "") + ByteFormat.human(change)
        switch GrowthClass(rawValue: growth.class) ?? .unknown {
        case .cacheDriven:
            return "working set \(delta) in \(span), \(ByteFormat.percent(cacheShare)) of it active page cache: reclaimable, not a leak."
                + " The kernel drops it under pressure; cAdvisor and kubelet still count it."
        case .anonDriven:
            let grown = ByteFormat.human(anon)
            var text = "memory that page cache does not explain (anon, shmem/tmpfs, kernel) grew \(grown) in \(span)"
            text += "; working set \(delta). This is what a leak looks like."
            if let eta = timeToLimit(growth: growth, memory: memory) { text += " At this rate the limit is reached in \(eta)." }
            return text
        case .mixed:
            return "working set \(delta) in \(span): \(ByteFormat.percent(cacheShare)) active page cache,"
                + " \(ByteFormat.percent(1 - cacheShare)) anon/shmem/kernel. Watch the part without cache."
        case .stable:
            return "working set steady (within ±\(ByteFormat.human(growth.thresholdBytes))) over \(span)."
        case .shrinking:
            return "working set \(delta) in \(span): memory released or cache reclaimed."
        case .unknown:
            return "not enough samples yet (\(growth.samples) of \(GrowthAnalyzer.minimumSamples)) to judge growth."
        }
    }

    /// Time until the working set reaches the limit at the current rate of memory without cache.
    static func timeToLimit(growth: SnapshotGrowth, memory: SnapshotMemory) -> String? {
        guard let limit = memory.limitBytes, let workingSet = memory.workingSetBytes,
              let rate = growth.workingSetNoCacheBytesPerSecond, rate > 0, limit > workingSet else { return nil }
        return duration(Double(limit - workingSet) / rate)
    }

    /// `45 s`, `5 min`, `2.5 h`, `3.1 d`; `-` when not finite.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-" }
        if seconds < 90 { return "\(Int(saturating: seconds.rounded())) s" }
        if seconds < 5400 { return "\(Int((seconds / 60).rounded())) min" }
        if seconds < 172_800 { return ByteFormat.fixed(seconds / 3600, decimals: 1) + " h" }
        return ByteFormat.fixed(seconds / 86400, decimals: 1) + " d"
    }
}
