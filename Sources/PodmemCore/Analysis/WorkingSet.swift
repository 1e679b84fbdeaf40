/// The two working-set formulas. Both floor at 0 like cAdvisor.
public enum WorkingSet {
    /// cAdvisor's `setMemoryStats`: `max(0, usage − inactive_file)` — `container_memory_working_set_bytes`,
    /// `kubectl top`, kubelet's eviction signal. Still counts active page cache.
    public static func cadvisor(usage: UInt64?, inactiveFile: UInt64?) -> UInt64? {
        guard let usage, let inactiveFile else { return nil }
        return usage > inactiveFile ? usage - inactiveFile : 0
    }

    /// `max(0, usage − inactive_file − active_file)`: what remains without any page cache
    /// (anon, shmem/tmpfs, kernel) — memory that cannot be reclaimed without swap.
    public static func withoutCache(usage: UInt64?, inactiveFile: UInt64?, activeFile: UInt64?) -> UInt64? {
        guard let usage, let inactiveFile, let activeFile else { return nil }
        let cache = inactiveFile &+ activeFile
        return usage > cache ? usage - cache : 0
    }

    /// `(workingSet − workingSetNoCache) / workingSet`: the share of what Grafana shows that is page cache; 0 when the working set is 0.
    public static func cacheShare(workingSet: UInt64?, workingSetNoCache: UInt64?) -> Double? {
        guard let workingSet, let workingSetNoCache else { return nil }
        guard workingSet > 0 else { return 0 }
        return Double(workingSet - min(workingSet, workingSetNoCache)) / Double(workingSet)
    }
}
