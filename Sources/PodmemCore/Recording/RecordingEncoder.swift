import FoundationEssentials

/// Turns samples into records. Values are deltas against the same series' previous record, so a quiet pod costs
/// a few bytes per poll; a keyframe (deltas against zero) at least every `keyframeRecords` records or
/// `keyframeSeconds` seconds lets a reader start decoding there instead of at the beginning.
struct RecordingEncoder {
    static let keyframeRecords = 64
    static let keyframeSeconds = 30.0

    private var identities: [SeriesIdentity: Int] = [:]
    /// Each series' previous values, by series number (0 after a keyframe). Number 0 is the node's root.
    private var previous = DeltaBase(fieldsPerSeries: CounterFields.count)
    private var recordsSinceKeyframe = 0
    private var lastKeyframeTime: Double?

    /// The records for `sample`: identities it introduces, then the sample itself.
    mutating func encode(_ sample: Sample) -> [UInt8] {
        var output: [UInt8] = []
        var writer = BinaryWriter()
        let keyframe =
            lastKeyframeTime.map {
                recordsSinceKeyframe >= Self.keyframeRecords || sample.timestamp - $0 >= Self.keyframeSeconds
            } ?? true
        if keyframe {
            previous.reset()
            recordsSinceKeyframe = 0
            lastKeyframeTime = sample.timestamp
        }
        recordsSinceKeyframe += 1
        writer.byte(keyframe ? 1 : 0)
        writer.uint64(sample.timestamp.bitPattern)
        writer.varint(UInt64(sample.warnings.count))
        for warning in sample.warnings { writer.string(warning) }
        writer.varint(sample.node.memTotalBytes.map { $0 &+ 1 } ?? 0)
        write(sample.node.root, series: 0, into: &writer)
        writer.varint(UInt64(sample.workloads.count))
        for workload in sample.workloads {
            let series = number(SeriesIdentity(workload), into: &output)
            writer.varint(UInt64(series))
            write(workload.counters, series: series, into: &writer)
            writer.varint(UInt64(workload.containers.count))
            for container in workload.containers {
                let series = number(SeriesIdentity(container), into: &output)
                writer.varint(UInt64(series))
                write(container.counters, series: series, into: &writer)
            }
        }
        RecordFrame.encode(.sample, payload: writer.bytes, into: &output)
        return output
    }

    /// The series' number, writing an identity record the first time it is seen.
    private mutating func number(_ identity: SeriesIdentity, into output: inout [UInt8]) -> Int {
        if let known = identities[identity] { return known }
        let assigned = identities.count + 1
        identities[identity] = assigned
        var writer = BinaryWriter()
        writer.varint(UInt64(assigned))
        writer.bytes.append(contentsOf: (try? JSONEncoder().encode(identity)).map(Array.init) ?? [])
        RecordFrame.encode(.identity, payload: writer.bytes, into: &output)
        return assigned
    }

    /// Presence bitmap, then each present field as a delta.
    private mutating func write(_ counters: MemoryCounters, series: Int, into writer: inout BinaryWriter) {
        let fields = CounterFields.fields(counters)
        var present: UInt64 = 0
        for (index, field) in fields.enumerated() where field != nil { present |= 1 << UInt64(index) }
        writer.varint(present)
        for (index, field) in fields.enumerated() {
            guard let field else { continue }
            writer.delta(field, from: previous.value(series: series, field: index))
            previous.set(field, series: series, field: index)
        }
    }
}
