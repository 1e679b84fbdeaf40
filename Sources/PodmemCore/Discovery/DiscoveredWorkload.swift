/// A workload found by walking the hierarchy, before its files are read or its name resolved.
public struct DiscoveredWorkload: Sendable, Equatable {
    public var kind: WorkloadKind
    public var files: CgroupFiles
    public var inode: UInt64
    public var uid: String?
    public var qos: QoSClass?
    public var runtime: String?
    /// Runtime container ID for `.container` workloads.
    public var containerID: String?
    /// The unit name for services.
    public var unitName: String?
    public var containers: [DiscoveredContainer]

    public var relativePath: String { files.relativePath }
}

/// A container cgroup inside a pod.
public struct DiscoveredContainer: Sendable, Equatable {
    public var id: String
    public var runtime: String?
    public var files: CgroupFiles
    public var inode: UInt64

    public var relativePath: String { files.relativePath }
}
