/// Turns the latest raw sample plus history into the model: the only place raw counters become the figures, verdicts
/// and sentences every output shows.
struct ModelBuilder {
    /// History points kept for a list row: enough for the widest table sparkline (32 columns).
    static let briefHistoryPoints = 32

    let monitor: Monitor
    let scope: ModelScope

    /// Whether the pod gets its containers, a fresh verdict and its sentence.
    private func isDetailed(_ cgroup: String) -> Bool {
        switch scope {
        case .everything, .withoutHistory: true
        case .list: false
        case .detail(let shown): cgroup == shown
        }
    }

    func model(_ sample: Sample) -> MemoryModel {
        // Order by cheap keys first (the working set alone), then build each pod once: sorting the built pods would
        // copy them around.
        let order = sample.workloads.indices.map { index in
            (index, MemoryFigure.workingSet.read(sample.workloads[index].counters) ?? 0)
        }.sorted { a, b in
            a.1 != b.1 ? a.1 > b.1 : sample.workloads[a.0].cgroup < sample.workloads[b.0].cgroup
        }
        return MemoryModel(
            takenAt: sample.timestamp, host: sample.host, cgroupVersion: sample.cgroupVersion, root: sample.root,
            intervalSeconds: monitor.intervalSeconds, windowSeconds: monitor.window, warnings: monitor.warnings,
            node: sample.documentedNode ?? NodeFigures(sample.node), pods: order.map { pod(sample.workloads[$0.0]) })
    }

    func pod(_ workload: WorkloadSample) -> PodModel {
        let memory = MemoryFigures(workload.counters)
        let isDetailed = isDetailed(workload.cgroup)
        let growth = monitor.growth(cgroup: workload.cgroup, inode: workload.inode, fresh: isDetailed)
        let cacheFiles = monitor.cacheFiles?.report(cgroup: workload.cgroup)
        return PodModel(
            kind: workload.kind, uid: workload.uid, namespace: workload.namespace, name: workload.name,
            qos: workload.qos, cgroup: workload.cgroup, runtime: workload.runtime, memory: memory, growth: growth,
            sentence: isDetailed
                ? VerdictSentence.describe(growth: growth, memory: memory, cacheFiles: cacheFiles?.files) : nil,
            signals: MemorySignals(workload.counters), history: history(workload),
            containers: isDetailed ? workload.containers.map(container) : [], cacheFiles: cacheFiles?.files,
            cacheFilesCoverage: cacheFiles?.coverage(fileLRUBytes: memory.fileLRUBytes),
            cacheFilesProblems: cacheFiles?.problems)
    }

    /// Decodes only the points the model keeps: everything held for a snapshot, the window for the pod on the
    /// detail screen, the newest few for a list row on screen.
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

    func container(_ container: ContainerSample) -> ContainerModel {
        let memory = MemoryFigures(container.counters)
        let growth = monitor.growth(cgroup: container.cgroup, inode: container.inode)
        return ContainerModel(
            id: container.id, name: container.name, sandbox: container.sandbox, cgroup: container.cgroup,
            runtime: container.runtime, memory: memory, growth: growth,
            sentence: VerdictSentence.describe(growth: growth, memory: memory),
            signals: MemorySignals(container.counters))
    }
}
