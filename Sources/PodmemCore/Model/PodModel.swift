/// One workload (a Kubernetes pod, a docker/podman container, a systemd service, or the root cgroup when nothing
/// else was found) at one poll.
public struct PodModel: Sendable {
    public var kind: WorkloadKind
    public var uid: String?
    public var namespace: String?
    public var name: String?
    public var qos: QoSClass?
    public var cgroup: String
    public var runtime: String?
    public var memory: MemoryFigures
    public var growth: Growth
    /// The verdict in words (`VerdictSentence`); nil where the scope leaves it out (list rows, the exporter's).
    public var sentence: String?
    public var signals: MemorySignals
    /// Held history, oldest first, as much as the scope asks for.
    public var history: [HistoryPoint]
    /// Empty where the scope leaves them out.
    public var containers: [ContainerModel]
    /// Its largest files in the page cache, when scanned (`--cache-files`, the detail screen, a snapshot carrying
    /// them); nil otherwise.
    public var cacheFiles: [CacheFileEntry]?
    /// Their cached bytes over the pod's file LRU (see `CacheFileReport.coverage`).
    public var cacheFilesCoverage: Double?
    /// What the scan could not see.
    public var cacheFilesProblems: [String]?

    /// The share of the working set that is page cache.
    public var cacheShare: Double? { memory.cacheShare }

    /// What every output calls the workload: `namespace/name` for pods, its name otherwise, `pod <uid>` for a pod
    /// nothing names, else the cgroup path. Raw host text: sanitise it before it reaches a terminal.
    public var displayName: String {
        switch (namespace, name) {
        case (let namespace?, let name?) where !namespace.isEmpty: "\(namespace)/\(name)"
        case (_, let name?): name
        default: uid.map { "pod \($0)" } ?? cgroup
        }
    }
}
