/// The cache-files engine for a node: one scanner per requested pod, kept while the pod stays requested, so a scan
/// spread over refreshes continues and its last result stays shown.
public final class CacheFileMonitor {
    private let fileSystem: any CgroupFileSystem
    private let probe: any FileResidencyProbe
    private let cgroupRoot: String
    private let procRoot: String
    private let hostRoot: String
    private let logRoot: String
    public let limits: CacheFileLimits
    private let clock: () -> Double
    private var scanners: [String: (inode: UInt64, scanner: CacheFileScanner)] = [:]

    public init(
        fileSystem: any CgroupFileSystem, probe: any FileResidencyProbe, cgroupRoot: String, hostRoot: String,
        logRoot: String, limits: CacheFileLimits = CacheFileLimits(),
        clock: @escaping () -> Double = CacheFileLimits.monotonicSeconds
    ) {
        self.fileSystem = fileSystem
        self.probe = probe
        self.cgroupRoot = cgroupRoot
        self.hostRoot = hostRoot
        procRoot = CgroupHierarchy.joinHostRoot(hostRoot, "proc")
        self.logRoot = logRoot
        self.limits = limits
        self.clock = clock
    }

    /// One budget's worth of scanning for each workload of `sample` whose cgroup is in `cgroups` (nil: every one);
    /// scanners of other workloads are dropped. `toCompletion`: scan until done (batch mode, bounded by the file cap).
    public func refresh(_ sample: Sample, cgroups: Set<String>?, toCompletion: Bool = false) {
        var kept: [String: (inode: UInt64, scanner: CacheFileScanner)] = [:]
        for workload in sample.workloads where cgroups?.contains(workload.cgroup) ?? true {
            let target = CacheFileTarget(
                workload: workload, cgroupRoot: cgroupRoot, logRoot: logRoot, hostRoot: hostRoot)
            var entry = scanners[workload.cgroup]
            if entry?.inode != workload.inode || entry?.scanner.target != target {
                entry = (
                    workload.inode,
                    CacheFileScanner(
                        target: target, procRoot: procRoot, hostRoot: hostRoot, limits: limits,
                        fileSystem: fileSystem, probe: probe, clock: clock)
                )
            }
            if toCompletion {
                // Each refresh either finishes a candidate or a step, so the cap bounds the refreshes needed.
                entry!.scanner.scanToCompletion(maximumRefreshes: 4 * limits.maximumCandidates + 1_000)
            } else {
                entry!.scanner.refresh()
            }
            kept[workload.cgroup] = entry
        }
        scanners = kept
    }

    /// The latest result for a workload's cgroup, nil when it is not scanned.
    public func report(cgroup: String) -> CacheFileReport? {
        scanners[cgroup]?.scanner.report
    }
}
