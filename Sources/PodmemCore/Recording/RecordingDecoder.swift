import FoundationEssentials

/// Reverses `RecordingEncoder` for one segment: identities as they are met, then samples in order from a keyframe.
/// Every value is checked as it is read (`InputLimits`); series numbers are dense — each declared once, in order,
/// before use — and a sample names each at most once, so the tables and a decoded sample are sized by the identity
/// records the file holds, never by a number in it.
struct RecordingDecoder {
    /// Why a record's content cannot be real.
    struct Damage: Error {
        let reason: String
    }

    let header: RecordingHeader
    /// Series number n (n ≥ 1) is `identities[n - 1]`; 0 is the node's root.
    private(set) var identities: [SeriesIdentity] = []
    private var previous: DeltaBase

    init(header: RecordingHeader) {
        self.header = header
        previous = DeltaBase(fieldsPerSeries: max(header.counterFieldCount, CounterFields.count))
    }

    mutating func addIdentity(_ payload: [UInt8]) throws {
        var reader = BinaryReader(payload)
        let number = try reader.varint()
        guard number == UInt64(identities.count) + 1 else {
            throw Damage(reason: "series \(number) declared after \(identities.count)")
        }
        let json = try reader.bytes(payload.count - reader.offset)
        identities.append(try JSONDecoder().decode(SeriesIdentity.self, from: Data(json)))
    }

    mutating func sample(_ payload: [UInt8]) throws -> Sample {
        var reader = BinaryReader(payload)
        if try reader.byte() & 1 == 1 { previous.reset() }
        let timestamp = Double(bitPattern: try reader.uint64())
        if let problem = InputLimits.timeProblem(timestamp) { throw Damage(reason: "time \(problem)") }
        var warnings: [String] = []
        for _ in 0..<(try reader.count(maximum: payload.count)) { warnings.append(try reader.string()) }
        let memTotal = try reader.varint()
        if memTotal > 0, let problem = InputLimits.countProblem(memTotal - 1) {
            throw Damage(reason: "MemTotal \(problem)")
        }
        let root = try counters(series: 0, from: &reader)
        var workloads: [WorkloadSample] = []
        var named = [Bool](repeating: false, count: identities.count + 1)
        for _ in 0..<(try seriesCount(&reader)) {
            let number = try declared(try reader.varint(), once: &named)
            guard
                case .workload(
                    let kind, let uid, let namespace, let name, let qos, let cgroup, let inode, let runtime) =
                    identities[number - 1]
            else {
                throw Damage(reason: "series \(number) is a container, not a workload")
            }
            var workload = WorkloadSample(
                kind: kind, uid: uid, namespace: namespace, name: name, qos: qos, cgroup: cgroup, inode: inode,
                runtime: runtime, counters: try counters(series: number, from: &reader))
            for _ in 0..<(try seriesCount(&reader)) {
                let number = try declared(try reader.varint(), once: &named)
                guard
                    case .container(let id, let name, let sandbox, let cgroup, let inode, let runtime) = identities[
                        number - 1]
                else {
                    throw Damage(reason: "series \(number) is a workload, not a container")
                }
                workload.containers.append(
                    ContainerSample(
                        id: id, name: name, sandbox: sandbox, cgroup: cgroup, inode: inode,
                        runtime: runtime, counters: try counters(series: number, from: &reader)))
            }
            workloads.append(workload)
        }
        return Sample(
            timestamp: timestamp, host: header.host, cgroupVersion: header.cgroupVersion, root: header.root,
            node: NodeCounters(memTotalBytes: memTotal == 0 ? nil : memTotal - 1, root: root),
            workloads: workloads, warnings: warnings)
    }

    /// How many series follow: no more than are declared.
    private func seriesCount(_ reader: inout BinaryReader) throws -> Int {
        let count = try reader.varint()
        guard count <= UInt64(identities.count) else {
            throw Damage(reason: "\(count) series named, \(identities.count) declared")
        }
        return Int(count)
    }

    /// `number`, when an identity record declared it and the sample has not named it yet.
    private func declared(_ number: UInt64, once named: inout [Bool]) throws -> Int {
        guard number >= 1, number <= UInt64(identities.count) else {
            throw Damage(reason: "series \(number) used but never declared (\(identities.count) are)")
        }
        guard !named[Int(number)] else { throw Damage(reason: "series \(number) twice in one sample") }
        named[Int(number)] = true
        return Int(number)
    }

    /// Presence bitmap, then each present field as a delta against the series' previous value. Fields a newer
    /// podmem added (beyond `CounterFields.count`) are decoded, to stay in step, and dropped.
    private mutating func counters(series: Int, from reader: inout BinaryReader) throws -> MemoryCounters {
        let present = try reader.varint()
        let fileFields = header.counterFieldCount
        guard fileFields >= 64 || present >> UInt64(fileFields) == 0 else {
            throw Damage(reason: "series \(series): unknown fields \(present)")
        }
        var fields = [UInt64?](repeating: nil, count: CounterFields.count)
        for index in 0..<fileFields where present & (1 << UInt64(index)) != 0 {
            let value = try reader.delta(from: previous.value(series: series, field: index))
            previous.set(value, series: series, field: index)
            if index < fields.count { fields[index] = value }
        }
        if let problem = CounterFields.problem(fields) { throw Damage(reason: "series \(series) \(problem)") }
        return CounterFields.counters(fields)
    }
}
