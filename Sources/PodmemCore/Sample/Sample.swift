/// Everything one poll read, raw: what recordings store and every view derives from.
public struct Sample: Sendable, Equatable, Codable {
    /// Unix time of the poll, in seconds.
    public var timestamp: Double
    public var host: String
    public var cgroupVersion: CgroupVersion
    /// The hierarchy root that was read.
    public var root: String
    public var node: NodeCounters
    /// The node's figures as a snapshot document kept them, for a sample replayed from one: a document has no raw
    /// counters for the root cgroup, and none are made up for it. Nil for samples read from a kernel or a recording.
    public var documentedNode: NodeFigures?
    public var workloads: [WorkloadSample]
    /// One line per problem met in this poll (unreadable file, vanished cgroup, garbage value).
    public var warnings: [String]

    public init(
        timestamp: Double, host: String, cgroupVersion: CgroupVersion, root: String, node: NodeCounters,
        workloads: [WorkloadSample], warnings: [String]
    ) {
        self.timestamp = timestamp
        self.host = host
        self.cgroupVersion = cgroupVersion
        self.root = root
        self.node = node
        self.workloads = workloads
        self.warnings = warnings
    }
}
