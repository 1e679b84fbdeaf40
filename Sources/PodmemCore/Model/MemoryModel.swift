/// The node at one poll, as every view renders it (screens, `--batch`, `report`): figures as the catalogue derives
/// them, verdicts with unrounded rates, history as points. The JSON document (`SnapshotDocument`) and through it the
/// exposition are encodings of it.
public struct MemoryModel: Sendable {
    /// Unix time of the poll, in seconds.
    public var takenAt: Double
    public var host: String
    public var cgroupVersion: CgroupVersion
    public var root: String
    public var intervalSeconds: Double
    /// Seconds of history the verdicts look at; nil: all history held.
    public var windowSeconds: Double?
    /// Distinct warnings of the run, oldest first.
    public var warnings: [String]
    public var node: NodeFigures
    /// Largest working set first.
    public var pods: [PodModel]
}
