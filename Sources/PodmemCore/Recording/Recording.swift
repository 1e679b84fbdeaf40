/// A recording opened for replay: the file and, when it was rotated, the older segment `FILE.1` before it.
public final class Recording: SampleTimeline {
    public let header: RecordingHeader
    public let warnings: [String]
    private let segments: [RecordingSegment]
    /// Where each segment's first sample is in the whole timeline.
    private let starts: [Int]
    public let count: Int

    /// nil when `path` is not a recording; unreadable files throw.
    public init?(path: String) throws(CommandFailure) {
        guard let newest = try RecordingSegment(path: path) else { return nil }
        var segments = [newest]
        if let older = try? RecordingSegment(path: path + ".1"), older.header.recordingId == newest.header.recordingId {
            segments.insert(older, at: 0)
        }
        self.segments = segments
        header = newest.header
        warnings = segments.flatMap(\.warnings)
        var starts: [Int] = []
        var total = 0
        for segment in segments {
            starts.append(total)
            total += segment.entries.count
        }
        self.starts = starts
        count = total
    }

    public var intervalSeconds: Double { header.intervalSeconds }

    public func timestamp(at position: Int) -> Double {
        let (segment, index) = locate(position)
        return segments[segment].entries[index].timestamp
    }

    public func isKeyframe(at position: Int) -> Bool {
        let (segment, index) = locate(position)
        return segments[segment].entries[index].isKeyframe
    }

    public func sample(at position: Int) throws(CommandFailure) -> Sample {
        let (segment, index) = locate(position)
        return try segments[segment].sample(at: index)
    }

    private func locate(_ position: Int) -> (Int, Int) {
        let segment = starts.lastIndex { $0 <= position } ?? 0
        return (segment, position - starts[segment])
    }
}
