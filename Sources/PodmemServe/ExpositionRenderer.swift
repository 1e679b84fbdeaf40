import PodmemCore
import Prometheus

/// Maps each `podmem.snapshot/1` document to the Prometheus text exposition, value for value: every number is a
/// field of the document (what `--batch --json` prints), never re-derived, and a `null` field exports no series.
///
/// One registry lives across documents: a series seen again only gets its new value, a new one registers a gauge,
/// and one missing from the document (pod deleted, value now unknown) is unregistered, so the exposition holds
/// exactly the latest document's series. A fresh registry per document would rebuild every label family one
/// insertion at a time (the registry copies a family's dictionary on each insertion): ≈17 s per poll at 1000 pods.
public final class ExpositionRenderer {
    /// The sandbox (pause) container's `container` label, as cAdvisor names it.
    public static let sandboxContainerLabel = "POD"

    /// A series: its metric and its label values (the metric fixes the label names).
    private struct SeriesKey: Hashable {
        let metric: ExportedMetric
        let labelValues: [String]
    }

    private let registry = PrometheusCollectorRegistry()
    private let descriptors = Dictionary(uniqueKeysWithValues: ExportedMetric.allCases.map { ($0, $0.descriptor) })
    private var gauges: [SeriesKey: Gauge] = [:]
    /// The gauges the document being rendered sets.
    private var rendered: [SeriesKey: Gauge] = [:]
    /// Label sets of the cgroups rendered so far: the first cgroup with a label set wins (pods come largest first),
    /// so two cgroups that share names for a moment (a pod recreated under its name) never mix their figures.
    private var cgroupsRendered: Set<[String]> = []

    public init() {}

    public func render(_ document: SnapshotDocument) -> [UInt8] {
        rendered.reserveCapacity(gauges.count)
        for pod in document.pods {
            let namespace = pod.namespace ?? ""
            let name = pod.name ?? pod.uid ?? pod.cgroup
            let qos = pod.qos ?? ""
            cgroup(labels: [("namespace", namespace), ("pod", name), ("container", ""), ("qos", qos)],
                   memory: pod.memory, cacheShare: pod.cacheShare, growth: pod.growth)
            for container in pod.containers {
                let containerName = container.sandbox ? Self.sandboxContainerLabel : container.name ?? container.id
                cgroup(labels: [("namespace", namespace), ("pod", name), ("container", containerName), ("qos", qos)],
                       memory: container.memory, cacheShare: container.cacheShare, growth: container.growth)
            }
        }
        set(.nodeAvailableBytes, [("formula", "kubelet")], document.node.availableBytes)
        set(.nodeAvailableBytes, [("formula", "no_cache")], document.node.availableNoCacheBytes)
        set(.nodeMemoryTotalBytes, [], document.node.memTotalBytes)

        for (key, gauge) in gauges where rendered[key] == nil { registry.unregisterGauge(gauge) }
        swap(&gauges, &rendered)
        rendered.removeAll(keepingCapacity: true)
        cgroupsRendered.removeAll(keepingCapacity: true)
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return bytes
    }

    private func cgroup(labels: [(String, String)], memory: SnapshotMemory, cacheShare: Double?, growth: SnapshotGrowth) {
        guard cgroupsRendered.insert(labels.map(\.1)).inserted else { return }
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

    private func set(_ metric: ExportedMetric, _ labels: [(String, String)], _ value: UInt64?) {
        set(metric, labels, value.map { Double($0) })
    }

    private func set(_ metric: ExportedMetric, _ labels: [(String, String)], _ value: Double?) {
        guard let value, let descriptor = descriptors[metric] else { return }
        let key = SeriesKey(metric: metric, labelValues: labels.map(\.1))
        let gauge = gauges[key] ?? registry.makeGauge(descriptor: descriptor, labels: labels)
        gauge.set(to: value)
        rendered[key] = gauge
    }
}
