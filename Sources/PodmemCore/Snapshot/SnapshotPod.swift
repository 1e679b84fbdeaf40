/// A `PodModel` in the document.
public struct SnapshotPod: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public var kind: WorkloadKind
    public var uid: String?
    public var namespace: String?
    public var name: String?
    public var qos: QoSClass?
    public var cgroup: String
    public var runtime: String?
    public var memory: MemoryFigures
    public var cacheShare: Double?
    public var growth: SnapshotGrowth
    public var signals: MemorySignals
    public var history: SnapshotHistory
    public var containers: [SnapshotContainer]
    /// With `--cache-files` (and for the pod on the detail screen): its largest files in the page cache, the share of
    /// its file LRU they hold (to 0.001), and what could not be seen. Absent otherwise.
    public var cacheFiles: [CacheFileEntry]? = nil
    public var cacheFilesCoverage: Double? = nil
    public var cacheFilesProblems: [String]? = nil

    /// The cache-file keys are in the document only with a cache-file report.
    public func omitsProperty(_ label: String) -> Bool { cacheFiles == nil && label.hasPrefix("cacheFiles") }

    public init(_ model: PodModel) {
        kind = model.kind
        uid = model.uid
        namespace = model.namespace
        name = model.name
        qos = model.qos
        cgroup = model.cgroup
        runtime = model.runtime
        memory = model.memory
        cacheShare = model.cacheShare
        growth = SnapshotGrowth(model.growth, summary: model.sentence)
        signals = model.signals
        history = SnapshotHistory(model.history)
        containers = model.containers.map(SnapshotContainer.init)
        if let files = model.cacheFiles {
            cacheFiles = files
            cacheFilesCoverage = model.cacheFilesCoverage.map { ($0 * 1000).rounded() / 1000 }
            cacheFilesProblems = model.cacheFilesProblems
        }
    }
}
