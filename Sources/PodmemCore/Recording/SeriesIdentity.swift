/// Who a recorded series is: everything about a workload or container except its counters. Written once per
/// recording segment and referred to by number afterwards, so a poll costs only its changing values.
enum SeriesIdentity: Codable, Hashable {
    case workload(
        kind: WorkloadKind, uid: String?, namespace: String?, name: String?, qos: QoSClass?, cgroup: String,
        inode: UInt64, runtime: String?)
    case container(id: String, name: String?, sandbox: Bool, cgroup: String, inode: UInt64, runtime: String?)

    init(_ workload: WorkloadSample) {
        self = .workload(
            kind: workload.kind, uid: workload.uid, namespace: workload.namespace, name: workload.name,
            qos: workload.qos,
            cgroup: workload.cgroup, inode: workload.inode, runtime: workload.runtime)
    }

    init(_ container: ContainerSample) {
        self = .container(
            id: container.id, name: container.name, sandbox: container.sandbox, cgroup: container.cgroup,
            inode: container.inode, runtime: container.runtime)
    }
}
