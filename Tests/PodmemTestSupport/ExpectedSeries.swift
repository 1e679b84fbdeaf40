import PodmemCore

/// The series `podmem serve` must export for a `podmem.snapshot/1` document (decode `--batch --json` output with
/// `SnapshotCodec`: JSONSerialization on Linux rounds some doubles), by the rules the README states, written
/// independently of PodmemServe's code: pods get `container=""`, the sandbox `container="POD"`, `null` no series;
/// `runtime` is the document's, `systemd` for a service, and for a pod the one runtime its containers name (else empty).
public enum ExpectedSeries {
    public static func from(_ document: SnapshotDocument) -> [MetricSeries: Double] {
        var result: [MetricSeries: Double] = [:]
        for pod in document.pods {
            let base = [
                "namespace": pod.namespace ?? "", "pod": pod.name ?? pod.uid ?? pod.cgroup,
                "qos": pod.qos?.rawValue ?? "",
            ]
            let containerRuntimes = Set(pod.containers.compactMap(\.runtime))
            let podRuntime =
                pod.runtime
                ?? (pod.kind == .service ? "systemd" : containerRuntimes.count == 1 ? containerRuntimes.first! : "")
            add(
                pod.memory, pod.cacheShare, pod.growth,
                labels: base.merging(["container": "", "runtime": podRuntime]) { $1 }, to: &result)
            for container in pod.containers {
                let name = container.sandbox ? "POD" : container.name ?? container.id
                add(
                    container.memory, container.cacheShare, container.growth,
                    labels: base.merging(["container": name, "runtime": container.runtime ?? ""]) { $1 }, to: &result)
            }
        }
        let node = document.node
        result[MetricSeries(name: "podmem_node_available_bytes", labels: ["formula": "kubelet"])] = node.availableBytes
            .map { Double($0) }
        result[MetricSeries(name: "podmem_node_available_bytes", labels: ["formula": "no_cache"])] = node
            .availableNoCacheBytes.map { Double($0) }
        result[MetricSeries(name: "podmem_node_memory_total_bytes", labels: [:])] = node.memTotalBytes.map {
            Double($0)
        }
        return result
    }

    private static func add(
        _ memory: MemoryFigures, _ cacheShare: Double?, _ growth: SnapshotGrowth, labels: [String: String],
        to result: inout [MetricSeries: Double]
    ) {
        // Every figure the catalogue gives a metric name, under it.
        for figure in MemoryFigure.all {
            guard let name = figure.metricName else { continue }
            result[MetricSeries(name: name, labels: labels)] = memory[figure].map { Double($0) }
        }
        result[MetricSeries(name: "podmem_cache_share_ratio", labels: labels)] = cacheShare
        let rates = MemoryFigure.rates.compactMap { figure in
            figure.growthRate.map { ($0.metricComponent, growth[keyPath: $0.documentField]) }
        }
        for (component, rate) in rates {
            result[
                MetricSeries(
                    name: "podmem_growth_bytes_per_second", labels: labels.merging(["component": component]) { $1 })] =
                rate
        }
        for growthClass in ["cache-driven", "anon-driven", "mixed", "stable", "shrinking", "unknown"] {
            result[MetricSeries(name: "podmem_growth_class", labels: labels.merging(["class": growthClass]) { $1 })] =
                growth.class.rawValue == growthClass ? 1 : 0
        }
    }
}
