import PodmemCore

/// Every metric `podmem serve` exports. The HELP text states the exact formula and the kernel files behind it,
/// so a Grafana user can check a number without reading podmem's source.
public enum ExportedMetric: String, CaseIterable, Sendable {
    case usageBytes = "podmem_usage_bytes"
    case rssBytes = "podmem_rss_bytes"
    case activeFileBytes = "podmem_active_file_bytes"
    case inactiveFileBytes = "podmem_inactive_file_bytes"
    case shmemBytes = "podmem_shmem_bytes"
    case kernelBytes = "podmem_kernel_bytes"
    case limitBytes = "podmem_limit_bytes"
    case workingSetBytes = "podmem_working_set_bytes"
    case workingSetNoCacheBytes = "podmem_working_set_no_cache_bytes"
    case cacheShareRatio = "podmem_cache_share_ratio"
    case growthBytesPerSecond = "podmem_growth_bytes_per_second"
    case growthClass = "podmem_growth_class"
    case nodeAvailableBytes = "podmem_node_available_bytes"
    case nodeMemoryTotalBytes = "podmem_node_memory_total_bytes"

    public var name: String { rawValue }

    /// The document field a byte-count metric exports; nil for the others.
    var memoryField: KeyPath<SnapshotMemory, UInt64?>? {
        switch self {
        case .usageBytes: \.usageBytes
        case .rssBytes: \.rssBytes
        case .activeFileBytes: \.activeFileBytes
        case .inactiveFileBytes: \.inactiveFileBytes
        case .shmemBytes: \.shmemBytes
        case .kernelBytes: \.kernelBytes
        case .limitBytes: \.limitBytes
        case .workingSetBytes: \.workingSetBytes
        case .workingSetNoCacheBytes: \.workingSetNoCacheBytes
        default: nil
        }
    }

    private static let usage = "usage = v1 memory.usage_in_bytes, v2 memory.current (v2 root: anon + file)"
    private static let perCgroup = "Per pod (container=\"\") and per container (container=\"POD\" for the sandbox)"

    public var help: String {
        switch self {
        case .usageBytes:
            return "\(Self.perCgroup): memory charged to the cgroup, bytes. \(Self.usage)."
        case .rssBytes:
            return "\(Self.perCgroup): anonymous memory, bytes. v1 memory.stat total_rss, v2 memory.stat anon."
        case .activeFileBytes:
            return "\(Self.perCgroup): page cache on the active file LRU, bytes. v1 memory.stat total_active_file, v2 memory.stat active_file."
        case .inactiveFileBytes:
            return "\(Self.perCgroup): page cache on the inactive file LRU, bytes. v1 memory.stat total_inactive_file, v2 memory.stat inactive_file."
        case .shmemBytes:
            return "\(Self.perCgroup): shmem and tmpfs (anon LRU, never counted as reclaimable cache), bytes. v1 memory.stat total_shmem, v2 memory.stat shmem."
        case .kernelBytes:
            return "\(Self.perCgroup): kernel memory (slab, dentries, stacks, page tables) charged to the cgroup, bytes; absent where the kernel does not say. v1 memory.kmem.usage_in_bytes (read every 10 s; not for the root, whose usage leaves it out), v2 memory.stat kernel (6.x kernels)."
        case .limitBytes:
            return "\(Self.perCgroup): memory limit, bytes; absent when unlimited. v1 memory.limit_in_bytes (above 2^62 = unlimited), v2 memory.max (max = unlimited)."
        case .workingSetBytes:
            return "\(Self.perCgroup): cAdvisor's working set (container_memory_working_set_bytes, kubelet eviction), bytes: max(0, usage - inactive_file). \(Self.usage); inactive_file = v1 total_inactive_file, v2 inactive_file."
        case .workingSetNoCacheBytes:
            return "\(Self.perCgroup): working set without any page cache (anon, shmem/tmpfs, kernel), bytes: max(0, usage - inactive_file - active_file). \(Self.usage); active_file/inactive_file = v1 total_active_file/total_inactive_file, v2 active_file/inactive_file."
        case .cacheShareRatio:
            return "\(Self.perCgroup): share of the working set that is active page cache: (working_set - working_set_no_cache) / working_set, 0 when working_set is 0."
        case .growthBytesPerSecond:
            return "\(Self.perCgroup): growth rate over the verdict window (--window), bytes per second: Theil-Sen slope (median of pairwise slopes over at most 16 bucket means) of the component's series (working_set, working_set_no_cache, usage, rss, active_file, inactive_file)."
        case .growthClass:
            return "\(Self.perCgroup): growth verdict over the window, 1 for the current class, 0 for the others. With d = slope x span and, per series, threshold = max(4 MiB, 1% of the median working set, 3 x the standard deviation of its samples around the slope's line): growing when d(working_set) or d(working_set_no_cache) > its threshold, then c = max(0, d(active_file)), a = max(0, d(working_set_no_cache)): cache-driven when c/(c+a) >= 0.7, anon-driven when <= 0.3, else mixed; shrinking when d(working_set) < -its threshold; stable otherwise; unknown with fewer than 3 samples."
        case .nodeAvailableBytes:
            return "Node memory available, bytes. formula=kubelet: kubelet's memory.available eviction signal, max(0, MemTotal - root working_set); formula=no_cache: active page cache counted as available, max(0, MemTotal - root working_set_no_cache). MemTotal from /proc/meminfo; root = the cgroup hierarchy's root cgroup."
        case .nodeMemoryTotalBytes:
            return "MemTotal from /proc/meminfo, bytes."
        }
    }
}
