/// A snapshot document as a timeline: one sample per history time, pods with the raw values the history keeps
/// (usage, rss, active_file, inactive_file), and the last sample with every figure, the containers and the node's
/// figures (earlier samples leave the node's working sets unknown: the document does not say them).
/// Working sets and verdicts are recomputed from these, so they match the snapshot's own. Samples are built when
/// asked for, not held: a document of many pods and long histories would otherwise be copied once per point in time.
/// The document must have passed `SnapshotValidator` (times in range, history arrays as long as `t`).
public final class SnapshotTimeline: SampleTimeline {
    public let document: SnapshotDocument
    public let warnings: [String]
    /// Every pod's history index by time in milliseconds.
    private let pointIndex: [[Int64: Int]]
    /// The distinct times in milliseconds, oldest first.
    private let times: [Int64]

    public init(_ document: SnapshotDocument) {
        self.document = document
        warnings = []
        // Times to the millisecond, as the document writes them, so the pods' histories line up.
        pointIndex = document.pods.map { pod in
            Dictionary(pod.history.t.enumerated().map { (Self.milliseconds($0.element), $0.offset) }) { first, _ in
                first
            }
        }
        let times = Set(pointIndex.flatMap(\.keys)).sorted()
        self.times = times.isEmpty ? [0] : times
    }

    public var intervalSeconds: Double { document.intervalSeconds }
    public var count: Int { times.count }
    public func timestamp(at position: Int) -> Double { Double(times[position]) / 1000 }
    public func isKeyframe(at position: Int) -> Bool { true }

    public func sample(at position: Int) throws(CommandFailure) -> Sample {
        Self.sample(document, time: times[position], pointIndex: position == times.count - 1 ? nil : pointIndex)
    }

    private static func milliseconds(_ time: Double) -> Int64 { Int64(Int(saturating: (time * 1000).rounded())) }

    /// The sample at `time` (milliseconds); `pointIndex` (each pod's history index by time) is nil for the last one,
    /// which has every figure.
    private static func sample(_ document: SnapshotDocument, time: Int64, pointIndex: [[Int64: Int]]?) -> Sample {
        let final = pointIndex == nil
        let workloads: [WorkloadSample] = document.pods.indices.compactMap { podIndex in
            let pod = document.pods[podIndex]
            var counters: MemoryCounters
            if final {
                counters = Self.counters(pod.memory, pod.signals)
            } else {
                guard let index = pointIndex?[podIndex][time] else { return nil }
                var stat = MemoryStat()
                (stat.rssBytes, stat.activeFileBytes, stat.inactiveFileBytes) = (
                    pod.history.rssBytes[index], pod.history.activeFileBytes[index],
                    pod.history.inactiveFileBytes[index]
                )
                counters = MemoryCounters(usageBytes: pod.history.usageBytes[index], stat: stat)
            }
            let containers =
                final
                ? pod.containers.map { container in
                    ContainerSample(
                        id: container.id, name: container.name, sandbox: container.sandbox, cgroup: container.cgroup,
                        inode: 0,
                        runtime: container.runtime, counters: Self.counters(container.memory, container.signals))
                } : []
            return WorkloadSample(
                kind: pod.kind, uid: pod.uid, namespace: pod.namespace, name: pod.name,
                qos: pod.qos, cgroup: pod.cgroup, inode: 0, runtime: pod.runtime,
                counters: counters, containers: containers)
        }
        // The document keeps the node's figures at its own time only, and no raw counters for the root cgroup.
        var sample = Sample(
            timestamp: Double(time) / 1000, host: document.host,
            cgroupVersion: CgroupVersion(rawValue: document.cgroupVersion) ?? .v2,
            root: document.root, node: NodeCounters(memTotalBytes: document.node.memTotalBytes, root: MemoryCounters()),
            workloads: workloads, warnings: final ? document.warnings : [])
        if final { sample.documentedNode = document.node }
        return sample
    }

    /// The raw counters the document's figures are (`MemoryFigure.Reading.counter`), kernel memory where 6.x v2
    /// kernels keep it, the limit, and the signals; what only a formula gives stays unknown.
    private static func counters(_ memory: MemoryFigures, _ signals: MemorySignals) -> MemoryCounters {
        var counters = MemoryCounters(limit: memory[.limit].map { .bytes($0) }, failCount: signals.failCount)
        for figure in MemoryFigure.all {
            if case .counter(let counter) = figure.reading { counters[keyPath: counter] = memory[figure] }
        }
        counters.stat.kernelBytes = memory[.kernel]
        counters.stat.workingsetRefaultFile = signals.workingsetRefaultFile
        let events = MemoryEvents(
            oom: signals.oomEvents, oomKill: signals.oomKillEvents, high: signals.highEvents, max: signals.maxEvents)
        let pressure = MemoryPressure(
            someAvg10: signals.pressureSomeAvg10, someAvg60: signals.pressureSomeAvg60,
            fullAvg10: signals.pressureFullAvg10, fullAvg60: signals.pressureFullAvg60)
        counters.events = events == MemoryEvents() ? nil : events
        counters.pressure = pressure == MemoryPressure() ? nil : pressure
        return counters
    }
}
