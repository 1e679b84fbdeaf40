/// A `ContainerModel` in the document.
public struct SnapshotContainer: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var sandbox: Bool
    public var cgroup: String
    public var runtime: String?
    public var memory: MemoryFigures
    public var cacheShare: Double?
    public var growth: SnapshotGrowth
    public var signals: MemorySignals

    public init(_ model: ContainerModel) {
        id = model.id
        name = model.name
        sandbox = model.sandbox
        cgroup = model.cgroup
        runtime = model.runtime
        memory = model.memory
        cacheShare = model.cacheShare
        growth = SnapshotGrowth(model.growth, summary: model.sentence)
        signals = model.signals
    }
}
