/// Turns the latest raw sample plus history into the snapshot document: the only place
/// raw counters become the figures every output shows.
struct SnapshotBuilder {
    /// History points kept for a list row: enough for the widest table sparkline (32 columns).
    static let briefHistoryPoints = 32

    let monitor: Monitor
    let scope: SnapshotScope

    /// Whether the pod gets its containers, a fresh verdict and its sentence.
    private func isDetailed(_ cgroup: String) -> Bool {
        switch scope {
        case .everything, .withoutHistory: true
        case .list: false
        case .detail(let shown): cgroup == shown
        }
    }

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
        return SnapshotNode(
            memTotalBytes: node.memTotalBytes, workingSetBytes: root.workingSetBytes,
            workingSetNoCacheBytes: root.workingSetNoCacheBytes,
            availableBytes: available(root.workingSetBytes),
            availableNoCacheBytes: available(root.workingSetNoCacheBytes))
    }

    func pod(_ workload: WorkloadSample) -> SnapshotPod {
        let figures = MemoryFigures(workload.counters)
        let isDetailed = isDetailed(workload.cgroup)
        let memory = SnapshotMemory(figures)
        let cacheFiles = monitor.cacheFiles?.report(cgroup: workload.cgroup)
        var growth = SnapshotGrowth(monitor.growth(cgroup: workload.cgroup, inode: workload.inode, fresh: isDetailed))
        if isDetailed {
            growth.summary = VerdictSentence.describe(growth: growth, memory: memory, cacheFiles: cacheFiles?.files)
        }
        var pod = SnapshotPod(
            kind: workload.kind, uid: workload.uid, namespace: workload.namespace, name: workload.name,
            qos: workload.qos, cgroup: workload.cgroup, runtime: workload.runtime, memory: memory,
            cacheShare: figures.cacheShare, growth: growth,
            signals: SnapshotSignals(workload.counters), history: SnapshotHistory(history(workload)),
            containers: isDetailed ? workload.containers.map(container) : [])
        if let cacheFiles { pod.attach(cacheFiles, figures: figures) }
        return pod
    }

    /// Decodes only the points the document keeps: everything held for a snapshot, the window for the pod on
    /// the detail screen, the newest few for a list row on screen.
    func history(_ workload: WorkloadSample) -> [HistoryPoint] {
        let history = monitor.history
        let (cgroup, inode) = (workload.cgroup, workload.inode)
        switch scope {
        case .everything:
            return history.allPoints(cgroup: cgroup, inode: inode)
        case .withoutHistory:
            return []
        case .list(let rows):
            guard rows.contains(cgroup),
                let points = history.points(cgroup: cgroup, inode: inode, window: monitor.window)
            else { return [] }
            return Array(points.suffix(Self.briefHistoryPoints))
        case .detail(let shown):
            guard cgroup == shown, let points = history.points(cgroup: cgroup, inode: inode, window: monitor.window)
            else { return [] }
            guard let window = monitor.window, let newest = points.last?.time else { return Array(points) }
            return Array(points.drop { $0.time < newest - window - 1e-9 })
        }
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
