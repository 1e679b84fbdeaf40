/// Turns the latest raw sample plus history into the snapshot document: the only place
/// raw counters become the figures every output shows.
struct SnapshotBuilder {
    /// History points kept for pods outside `detailed`: enough for the widest table sparkline (32 columns).
    static let briefHistoryPoints = 32

    let monitor: Monitor
    let detailed: Set<String>?
    /// Pods whose history the document carries (the rows on screen, none for an exporter); nil: every pod.
    let historyFor: Set<String>?

    func document(_ sample: Sample) -> SnapshotDocument {
        // Order by cheap keys first, then build each pod once: sorting the built documents would copy them around.
        let order = sample.workloads.indices.map { index in
            (index, MemoryFigures(sample.workloads[index].counters).workingSetBytes ?? 0)
        }.sorted { a, b in
            a.1 != b.1 ? a.1 > b.1 : sample.workloads[a.0].cgroup < sample.workloads[b.0].cgroup
        }
        let pods = order.map { pod(sample.workloads[$0.0]) }
        return SnapshotDocument(
            schema: SnapshotDocument.schemaName, takenAt: Timestamp.iso8601(sample.timestamp), host: sample.host,
            cgroupVersion: sample.cgroupVersion.rawValue, root: sample.root, intervalSeconds: monitor.intervalSeconds,
            windowSeconds: monitor.window, warnings: monitor.warnings, node: Self.node(sample.node), pods: pods)
    }

    static func node(_ node: NodeCounters) -> SnapshotNode {
        let root = MemoryFigures(node.root)
        func available(_ used: UInt64?) -> UInt64? {
            guard let total = node.memTotalBytes, let used else { return nil }
            return total > used ? total - used : 0
        }
        return SnapshotNode(memTotalBytes: node.memTotalBytes, workingSetBytes: root.workingSetBytes,
                            workingSetNoCacheBytes: root.workingSetNoCacheBytes,
                            availableBytes: available(root.workingSetBytes),
                            availableNoCacheBytes: available(root.workingSetNoCacheBytes))
    }

    func pod(_ workload: WorkloadSample) -> SnapshotPod {
        let figures = MemoryFigures(workload.counters)
        let isDetailed = detailed?.contains(workload.cgroup) ?? true
        let memory = SnapshotMemory(figures)
        let cacheFiles = monitor.cacheFiles?.report(cgroup: workload.cgroup)
        var growth = SnapshotGrowth(monitor.growth(cgroup: workload.cgroup, inode: workload.inode, fresh: isDetailed))
        if isDetailed { growth.summary = VerdictSentence.describe(growth: growth, memory: memory, cacheFiles: cacheFiles?.files) }
        var pod = SnapshotPod(
            kind: workload.kind.rawValue, uid: workload.uid, namespace: workload.namespace, name: workload.name,
            qos: workload.qos?.rawValue, cgroup: workload.cgroup, runtime: workload.runtime, memory: memory,
            cacheShare: figures.cacheShare, growth: growth,
            signals: SnapshotSignals(workload.counters), history: SnapshotHistory(history(workload, isDetailed: isDetailed)),
            containers: isDetailed ? workload.containers.map(container) : [])
        if let cacheFiles { pod.attach(cacheFiles, figures: figures) }
        return pod
    }

    /// Decodes only the points the document keeps: everything held for a snapshot, the window for the pod on
    /// the detail screen, the newest few for a list row.
    func history(_ workload: WorkloadSample, isDetailed: Bool) -> [HistoryPoint] {
        guard historyFor?.contains(workload.cgroup) ?? true else { return [] }
        let history = monitor.history
        guard detailed != nil else { return history.allPoints(cgroup: workload.cgroup, inode: workload.inode) }
        guard let points = history.points(cgroup: workload.cgroup, inode: workload.inode, window: monitor.window) else { return [] }
        guard isDetailed else { return Array(points.suffix(Self.briefHistoryPoints)) }
        guard let window = monitor.window, let newest = points.last?.time else { return Array(points) }
        return Array(points.drop { $0.time < newest - window - 1e-9 })
    }

    func container(_ container: ContainerSample) -> SnapshotContainer {
        let figures = MemoryFigures(container.counters)
        let memory = SnapshotMemory(figures)
        var growth = SnapshotGrowth(monitor.growth(cgroup: container.cgroup, inode: container.inode))
        growth.summary = VerdictSentence.describe(growth: growth, memory: memory)
        return SnapshotContainer(
            id: container.id, name: container.name, sandbox: container.sandbox, cgroup: container.cgroup,
            runtime: container.runtime, memory: memory, cacheShare: figures.cacheShare,
            growth: growth, signals: SnapshotSignals(container.counters))
    }
}
