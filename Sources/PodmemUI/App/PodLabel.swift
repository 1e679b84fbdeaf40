import PodmemCore

/// Names and small derived figures of a pod row, shared by every screen.
public enum PodLabel {
    /// `namespace/name` for pods, the workload's name otherwise, the uid when nothing names it.
    public static func name(_ pod: SnapshotPod) -> String {
        switch (pod.namespace, pod.name) {
        case let (namespace?, name?) where !namespace.isEmpty: "\(namespace)/\(name)"
        case let (_, name?): name
        default: pod.uid.map { "pod \($0)" } ?? pod.cgroup
        }
    }

    /// Working set as a fraction of the limit; nil when unlimited.
    public static func limitFraction(_ pod: SnapshotPod) -> Double? {
        guard let limit = pod.memory.limitBytes, limit > 0, let ws = pod.memory.workingSetBytes else { return nil }
        return Double(ws) / Double(limit)
    }

    public static func growthClass(_ growth: SnapshotGrowth) -> GrowthClass {
        GrowthClass(rawValue: growth.class) ?? .unknown
    }
}
