/// One container of a pod at one poll.
public struct ContainerModel: Sendable {
    public var id: String
    public var name: String?
    /// The pod's sandbox (pause) container.
    public var sandbox: Bool
    public var cgroup: String
    public var runtime: String?
    public var memory: MemoryFigures
    public var growth: Growth
    /// The verdict in words (`VerdictSentence`).
    public var sentence: String?
    public var signals: MemorySignals

    /// The share of the working set that is page cache.
    public var cacheShare: Double? { memory.cacheShare }
}
