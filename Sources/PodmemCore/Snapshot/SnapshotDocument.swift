/// `podmem.snapshot/1`: what `--batch --json` prints and the UI's snapshot key writes, the encoding of a
/// `MemoryModel`. Bytes are integers; rates are rounded to 0.1 B/s and times written as ISO 8601; unknown and
/// unlimited values are `null` (encoded explicitly, never omitted: `ExplicitNullEncodable`).
public struct SnapshotDocument: Codable, ExplicitNullEncodable, Sendable, Equatable {
    public static let schemaName = "podmem.snapshot/1"

    public var schema: String
    public var takenAt: String
    public var host: String
    public var cgroupVersion: Int
    public var root: String
    public var intervalSeconds: Double
    public var windowSeconds: Double?
    public var warnings: [String]
    public var node: NodeFigures
    public var pods: [SnapshotPod]

    public init(_ model: MemoryModel) {
        schema = Self.schemaName
        takenAt = Timestamp.iso8601(model.takenAt)
        host = model.host
        cgroupVersion = model.cgroupVersion.rawValue
        root = model.root
        intervalSeconds = model.intervalSeconds
        windowSeconds = model.windowSeconds
        warnings = model.warnings
        node = model.node
        pods = model.pods.map(SnapshotPod.init)
    }
}
