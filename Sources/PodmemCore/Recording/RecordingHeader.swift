/// The first line of a recording: JSON, so `head -1` tells what a file is. Everything that stays the same for
/// the whole recording lives here rather than in every record.
public struct RecordingHeader: Codable, Sendable, Equatable {
    /// Version 2 added v1's kernel memory as a 27th counter field.
    public static let schemaName = "podmem.recording/2"
    /// What this podmem reads: version 1 files have the first 26 counter fields.
    public static let readableSchemas = ["podmem.recording/1", schemaName]

    public var schema = RecordingHeader.schemaName
    /// Random; a rotated segment (`FILE.1`) belongs to `FILE` when the two share it.
    public var recordingId: String
    public var host: String
    public var cgroupVersion: CgroupVersion
    public var root: String
    public var intervalSeconds: Double
    /// Unix time the segment was started.
    public var startedAt: Double

    /// Counter fields per series in this file's samples (`CounterFields.count` when written). A stat slot added later
    /// extends the fields, and a reader skips the ones it does not know, so it needs no new version. Nil in files
    /// that predate it (27 fields in version 2); version 1 files have 26 whatever they say.
    public var counterFields: Int?

    /// The most counter fields a file may declare: its presence bitmap is 64 bits.
    static let maximumCounterFields = 64

    var counterFieldCount: Int {
        schema == "podmem.recording/1" ? CounterFields.version1Count : counterFields ?? CounterFields.version2Count
    }

    public init(
        recordingId: String, host: String, cgroupVersion: CgroupVersion, root: String, intervalSeconds: Double,
        startedAt: Double
    ) {
        self.recordingId = recordingId
        self.host = host
        self.cgroupVersion = cgroupVersion
        self.root = root
        self.intervalSeconds = intervalSeconds
        self.startedAt = startedAt
        counterFields = CounterFields.count
    }
}
