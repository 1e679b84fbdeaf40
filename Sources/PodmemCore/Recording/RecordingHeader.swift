/// The first line of a recording: JSON, so `head -1` tells what a file is. Everything that stays the same for
/// the whole recording lives here rather than in every record.
public struct RecordingHeader: Codable, Sendable, Equatable {
    public static let schemaName = "podmem.recording/1"

    public var schema = RecordingHeader.schemaName
    /// Random; a rotated segment (`FILE.1`) belongs to `FILE` when the two share it.
    public var recordingId: String
    public var host: String
    public var cgroupVersion: CgroupVersion
    public var root: String
    public var intervalSeconds: Double
    /// Unix time the segment was started.
    public var startedAt: Double

    public init(recordingId: String, host: String, cgroupVersion: CgroupVersion, root: String, intervalSeconds: Double, startedAt: Double) {
        self.recordingId = recordingId
        self.host = host
        self.cgroupVersion = cgroupVersion
        self.root = root
        self.intervalSeconds = intervalSeconds
        self.startedAt = startedAt
    }
}
