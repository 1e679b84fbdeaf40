import PodmemCore
import Prometheus

/// Maps one `podmem.snapshot/1` document to the Prometheus text exposition, value for value: every number is a
/// field of the document (what `--batch --json` prints), never re-derived. A `null` field exports no series.
/// A fresh registry per document, so a pod or container that is gone has no series left behind.
public enum ExpositionRenderer {
    /// The sandbox (pause) container's `container` label, as cAdvisor names it.
    public static let sandboxContainerLabel = "POD"

    public static func render(_ document: SnapshotDocument) -> [UInt8] {
        var writer = SeriesWriter()
        for pod in document.pods {
            let namespace = pod.namespace ?? ""
            let name = pod.name ?? pod.uid ?? pod.cgroup
            let qos = pod.qos ?? ""
            writer.cgroup(labels: [("namespace", namespace), ("pod", name), ("container", ""), ("qos", qos)],
                          memory: pod.memory, cacheShare: pod.cacheShare, growth: pod.growth)
            for container in pod.containers {
                let containerName = container.sandbox ? sandboxContainerLabel : container.name ?? container.id
                writer.cgroup(labels: [("namespace", namespace), ("pod", name), ("container", containerName), ("qos", qos)],
                              memory: container.memory, cacheShare: container.cacheShare, growth: container.growth)
            }
        }
        writer.node(document.node)
        return writer.emit()
    }
}

/// Sets gauges in one registry; the first cgroup with a given label set wins (pods come largest first), so two
/// cgroups that share names for a moment (a pod recreated under the same name) never mix their figures.
private struct SeriesWriter {
    private let registry = PrometheusCollectorRegistry()
    private let descriptors = Dictionary(uniqueKeysWithValues: ExportedMetric.allCases.map { ($0, $0.descriptor) })
    private var written: Set<[String]> = []

    mutating func cgroup(labels: [(String, String)], memory: SnapshotMemory, cacheShare: Double?, growth: SnapshotGrowth) {
        guard written.insert(labels.map(\.1)).inserted else { return }
        set(.usageBytes, labels, memory.usageBytes)
        set(.rssBytes, labels, memory.rssBytes)
        set(.activeFileBytes, labels, memory.activeFileBytes)
        set(.inactiveFileBytes, labels, memory.inactiveFileBytes)
        set(.shmemBytes, labels, memory.shmemBytes)
        set(.limitBytes, labels, memory.limitBytes)
        set(.workingSetBytes, labels, memory.workingSetBytes)
        set(.workingSetNoCacheBytes, labels, memory.workingSetNoCacheBytes)
        set(.cacheShareRatio, labels, cacheShare)
        let rates: [(String, Double?)] = [
            ("working_set", growth.workingSetBytesPerSecond), ("working_set_no_cache", growth.workingSetNoCacheBytesPerSecond),
            ("usage", growth.usageBytesPerSecond), ("rss", growth.rssBytesPerSecond),
            ("active_file", growth.activeFileBytesPerSecond), ("inactive_file", growth.inactiveFileBytesPerSecond),
        ]
        for (component, rate) in rates { set(.growthBytesPerSecond, labels + [("component", component)], rate) }
        for growthClass in GrowthClass.allCases {
            set(.growthClass, labels + [("class", growthClass.rawValue)], growth.class == growthClass.rawValue ? 1.0 : 0.0)
        }
    }

    func node(_ node: SnapshotNode) {
        set(.nodeAvailableBytes, [("formula", "kubelet")], node.availableBytes)
        set(.nodeAvailableBytes, [("formula", "no_cache")], node.availableNoCacheBytes)
        set(.nodeMemoryTotalBytes, [], node.memTotalBytes)
    }

    func emit() -> [UInt8] {
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return bytes
    }

    private func set(_ metric: ExportedMetric, _ labels: [(String, String)], _ value: UInt64?) {
        set(metric, labels, value.map { Double($0) })
    }

    private func set(_ metric: ExportedMetric, _ labels: [(String, String)], _ value: Double?) {
        guard let value, let descriptor = descriptors[metric] else { return }
        registry.makeGauge(descriptor: descriptor, labels: labels).set(to: value)
    }
}
