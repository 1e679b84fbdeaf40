/// One workload (pod, container, service or plain cgroup) at one poll: its identity, names and raw counters.
public struct WorkloadSample: Sendable, Equatable, Codable {
    public var kind: WorkloadKind
    public var uid: String?
    public var namespace: String?
    public var name: String?
    public var qos: QoSClass?
    /// Path relative to the hierarchy root ("." for the root itself).
    public var cgroup: String
    public var inode: UInt64
    /// docker, podman, containerd, crio for containers; nil otherwise.
    public var runtime: String?
    /// The pod cgroup's own hierarchical counters.
    public var counters: MemoryCounters
    public var containers: [ContainerSample]

    public init(
        kind: WorkloadKind, uid: String? = nil, namespace: String? = nil, name: String? = nil, qos: QoSClass? = nil,
        cgroup: String, inode: UInt64, runtime: String? = nil, counters: MemoryCounters = MemoryCounters(),
        containers: [ContainerSample] = []
    ) {
        self.kind = kind
        self.uid = uid
        self.namespace = namespace
        self.name = name
        self.qos = qos
        self.cgroup = cgroup
        self.inode = inode
        self.runtime = runtime
        self.counters = counters
        self.containers = containers
    }
}
