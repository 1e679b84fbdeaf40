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

    /// `name(pod)` in at most `width` columns: whole when it fits; else the namespace stays whole when that leaves
    /// the pod's name `nameMinimum` columns, and the pod's name is cut in the middle, keeping its start (the
    /// workload) and its end (the replica suffix), e.g. `kube-system/ebs-csi-no…ows-7x9kq`.
    public static func name(_ pod: SnapshotPod, fitting width: Int, glyphs: GlyphSet) -> String {
        let full = name(pod)
        guard full.count > width else { return full }
        if let namespace = pod.namespace, !namespace.isEmpty, let name = pod.name, namespace.count + 1 + nameMinimum <= width {
            return namespace + "/" + TextFit.elideMiddle(name, width - namespace.count - 1, glyphs: glyphs)
        }
        return TextFit.elideMiddle(full, width, glyphs: glyphs)
    }

    /// Columns left for the pod's own name before its namespace is cut too.
    static let nameMinimum = 16

    /// Working set as a fraction of the limit; nil when unlimited.
    public static func limitFraction(_ pod: SnapshotPod) -> Double? {
        guard let limit = pod.memory.limitBytes, limit > 0, let ws = pod.memory.workingSetBytes else { return nil }
        return Double(ws) / Double(limit)
    }

    public static func growthClass(_ growth: SnapshotGrowth) -> GrowthClass {
        GrowthClass(rawValue: growth.class) ?? .unknown
    }
}
