import PodmemCore

/// Every metric `podmem serve` exports: one per memory figure that names a metric (`MemoryFigure.all`), then the
/// derived ones. The HELP text states the exact formula and the kernel files behind it, so a Grafana user can check
/// a number without reading podmem's source.
public struct ExportedMetric: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case figure(MemoryFigure)
        case cacheShareRatio, growthBytesPerSecond, growthClass, nodeAvailableBytes, nodeMemoryTotalBytes
    }

    public let name: String
    public let value: Value
    public let help: String

    private static let perCgroup = "Per pod (container=\"\") and per container (container=\"POD\" for the sandbox)"

    /// In exposition order.
    public static let all: [ExportedMetric] =
        MemoryFigure.all.compactMap { figure in
            figure.metricName.map {
                ExportedMetric(name: $0, value: .figure(figure), help: "\(perCgroup): \(figure.source)")
            }
        } + [
            ExportedMetric(
                name: "podmem_cache_share_ratio", value: .cacheShareRatio,
                help:
                    "\(perCgroup): share of the working set that is active page cache: (working_set - working_set_no_cache) / working_set, 0 when working_set is 0."
            ),
            ExportedMetric(
                name: "podmem_growth_bytes_per_second", value: .growthBytesPerSecond,
                help:
                    "\(perCgroup): growth rate over the verdict window (--window), bytes per second: Theil-Sen slope (median of pairwise slopes over at most 16 bucket means) of the component's series (\(MemoryFigure.rates.compactMap(\.growthRate?.metricComponent).joined(separator: ", ")))."
            ),
            ExportedMetric(
                name: "podmem_growth_class", value: .growthClass,
                help:
                    "\(perCgroup): growth verdict over the window, 1 for the current class, 0 for the others. With d = slope x span and, per series, threshold = max(4 MiB, 1% of the median working set, 3 x the standard deviation of its samples around the slope's line): growing when d(working_set) or d(working_set_no_cache) > its threshold, then c = max(0, d(active_file)), a = max(0, d(working_set_no_cache)): cache-driven when c/(c+a) >= 0.7, anon-driven when <= 0.3, else mixed; shrinking when d(working_set) < -its threshold; stable otherwise; unknown with fewer than 3 samples."
            ),
            ExportedMetric(
                name: "podmem_node_available_bytes", value: .nodeAvailableBytes,
                help:
                    "Node memory available, bytes. formula=kubelet: kubelet's memory.available eviction signal, max(0, MemTotal - root working_set); formula=no_cache: active page cache counted as available, max(0, MemTotal - root working_set_no_cache). MemTotal from /proc/meminfo; root = the cgroup hierarchy's root cgroup."
            ),
            ExportedMetric(
                name: "podmem_node_memory_total_bytes", value: .nodeMemoryTotalBytes,
                help: "MemTotal from /proc/meminfo, bytes."),
        ]

    /// The metric of one figure.
    public static func figure(_ figure: MemoryFigure) -> ExportedMetric? { all.first { $0.value == .figure(figure) } }
}
