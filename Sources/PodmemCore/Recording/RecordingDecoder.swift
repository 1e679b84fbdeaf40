import FoundationEssentials

/// Reverses `RecordingEncoder` for one segment: identities as they are met, then samples in order from a keyframe.
struct RecordingDecoder {
    let header: RecordingHeader
    private(set) var identities: [Int: SeriesIdentity] = [:]
    private var previous = DeltaBase()

    init(header: RecordingHeader) {
        self.header = header
    }

    mutating func addIdentity(_ payload: [UInt8]) throws {
        var reader = BinaryReader(payload)
        let number = try reader.count(maximum: Int(Int32.max))
        let json = try reader.bytes(payload.count - reader.offset)
        identities[number] = try JSONDecoder().decode(SeriesIdentity.self, from: Data(json))
    }

    mutating func sample(_ payload: [UInt8]) throws -> Sample {
        var reader = BinaryReader(payload)
        if try reader.byte() & 1 == 1 { previous.reset() }
        let timestamp = Double(bitPattern: try reader.uint64())
        var warnings: [String] = []
        for _ in 0..<(try reader.count(maximum: payload.count)) { warnings.append(try reader.string()) }
        let memTotal = try reader.varint()
        let root = try counters(series: 0, from: &reader)
        var workloads: [WorkloadSample] = []
        for _ in 0..<(try reader.count(maximum: payload.count)) {
            let number = try reader.count(maximum: Int(Int32.max))
            guard case .workload(let kind, let uid, let namespace, let name, let qos, let cgroup, let inode, let runtime)? = identities[number] else {
                throw BinaryReader.Malformed()
            }
            var workload = WorkloadSample(kind: kind, uid: uid, namespace: namespace, name: name, qos: qos, cgroup: cgroup, inode: inode,
                                          runtime: runtime, counters: try counters(series: number, from: &reader))
            for _ in 0..<(try reader.count(maximum: payload.count)) {
                let number = try reader.count(maximum: Int(Int32.max))
                guard case .container(let id, let name, let sandbox, let cgroup, let inode, let runtime)? = identities[number] else {
                    throw BinaryReader.Malformed()
                }
                workload.containers.append(ContainerSample(id: id, name: name, sandbox: sandbox, cgroup: cgroup, inode: inode,
                                                           runtime: runtime, counters: try counters(series: number, from: &reader)))
            }
            workloads.append(workload)
        }
        return Sample(timestamp: timestamp, host: header.host, cgroupVersion: header.cgroupVersion, root: header.root,
                      node: NodeCounters(memTotalBytes: memTotal == 0 ? nil : memTotal - 1, root: root),
                      workloads: workloads, warnings: warnings)
    }

    /// Presence bitmap, then each present field as a delta against the series' previous value.
    private mutating func counters(series: Int, from reader: inout BinaryReader) throws -> MemoryCounters {
        let present = try reader.varint()
        guard present >> UInt64(header.counterFieldCount) == 0 else { throw BinaryReader.Malformed() }
        var fields = [UInt64?](repeating: nil, count: CounterFields.count)
        for index in 0..<CounterFields.count where present & (1 << UInt64(index)) != 0 {
            let value = try reader.delta(from: previous.value(series: series, field: index))
            previous.set(value, series: series, field: index)
            fields[index] = value
        }
        return CounterFields.counters(fields)
    }
}
