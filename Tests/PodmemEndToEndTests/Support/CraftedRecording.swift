import Foundation
import XCTest

@testable import PodmemCore

/// A recording built record by record, as an attacker would: any series number, any timestamp, any counter value,
/// with valid frames and checksums so the decoder's value checks are what stands in the way.
struct CraftedRecording {
    var header: RecordingHeader
    private(set) var bytes: [UInt8] = []

    init(intervalSeconds: Double = 1, startedAt: Double = 1_800_000_000) {
        header = RecordingHeader(
            recordingId: "crafted", host: "evil", cgroupVersion: .v2, root: "/sys/fs/cgroup",
            intervalSeconds: intervalSeconds, startedAt: startedAt)
    }

    static func pod(_ index: Int) -> SeriesIdentity {
        .workload(
            kind: .pod, uid: "00000000-0000-0000-0000-\(String(repeating: "0", count: 11))\(index % 10)",
            namespace: "ns",
            name: "pod-\(index)", qos: .burstable, cgroup: "kubepods/pod\(index)", inode: UInt64(index), runtime: nil)
    }

    /// One counter row: usage (and rss) set, everything else absent.
    static func counters(usage: UInt64) -> [UInt64?] {
        var fields = [UInt64?](repeating: nil, count: CounterFields.count)
        fields[0] = usage
        fields[1] = usage / 2
        return fields
    }

    mutating func identity(number: UInt64, _ identity: SeriesIdentity) {
        var writer = BinaryWriter()
        writer.varint(number)
        writer.bytes += Array(try! JSONEncoder().encode(identity))
        RecordFrame.encode(.identity, payload: writer.bytes, into: &bytes)
    }

    /// A keyframe (every value a delta against zero) with the root's counters and the given series.
    mutating func sample(
        timestamp: Double, root: [UInt64?] = counters(usage: 1 << 30), memTotalBytes: UInt64? = 8 << 30,
        series: [(number: UInt64, fields: [UInt64?])]
    ) {
        var writer = BinaryWriter()
        writer.byte(1)
        writer.uint64(timestamp.bitPattern)
        writer.varint(0)
        writer.varint(memTotalBytes.map { $0 &+ 1 } ?? 0)
        Self.write(root, into: &writer)
        writer.varint(UInt64(series.count))
        for (number, fields) in series {
            writer.varint(number)
            Self.write(fields, into: &writer)
            writer.varint(0)
        }
        RecordFrame.encode(.sample, payload: writer.bytes, into: &bytes)
    }

    private static func write(_ fields: [UInt64?], into writer: inout BinaryWriter) {
        var present: UInt64 = 0
        for (index, field) in fields.enumerated() where field != nil { present |= 1 << UInt64(index) }
        writer.varint(present)
        for field in fields.compactMap({ $0 }) { writer.delta(field, from: 0) }
    }

    /// The whole file: header line, then the records.
    var file: [UInt8] {
        Array(try! JSONEncoder().encode(header)) + [0x0A] + bytes
    }

    func write(to path: String) {
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(file)), path)
    }
}
