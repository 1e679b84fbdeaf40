/// One container cgroup inside a pod, at one poll.
public struct ContainerSample: Sendable, Equatable, Codable {
    /// The runtime's container ID (the 64-hex part of the cgroup name), or the cgroup name when it has none.
    public var id: String
    /// From the kubelet log link; nil for the sandbox and when no name source exists.
    public var name: String?
    /// The pause container: no log link although the pod has a name source.
    public var sandbox: Bool
    /// Path relative to the hierarchy root.
    public var cgroup: String
    /// `d_ino` of the cgroup directory: a recreated cgroup starts a new series.
    public var inode: UInt64
    public var runtime: String?
    public var counters: MemoryCounters

    public init(
        id: String, name: String?, sandbox: Bool, cgroup: String, inode: UInt64, runtime: String?,
        counters: MemoryCounters
    ) {
        self.id = id
        self.name = name
        self.sandbox = sandbox
        self.cgroup = cgroup
        self.inode = inode
        self.runtime = runtime
        self.counters = counters
    }
}
